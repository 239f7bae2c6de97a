"""Who holds a duty: the district's officials, the enterprise's users, the people named on the record. Each
lookup is one query for a whole set of duties."""

from collections import defaultdict

from accounts.models import User
from kernel.roles import Role


class Recipients:
    """The people of a set of duties, fetched at once: officials by district, users by enterprise, holders by id."""

    def __init__(self, duties, *, officials=False, enterprise=False, holders=False):
        self.officials, self.enterprise_users, self.holders = defaultdict(list), defaultdict(list), {}
        active = User.objects.filter(is_active=True)
        if officials:
            district_ids = {d.district_id for d in duties if d.district_id}
            for user in active.filter(role=Role.DISTRICT_OFFICIAL, district_id__in=district_ids):
                self.officials[user.district_id].append(user)
        if enterprise:
            enterprise_ids = {d.enterprise_id for d in duties if d.enterprise_id}
            for user in active.filter(role=Role.ENTERPRISE, enterprise_id__in=enterprise_ids):
                self.enterprise_users[user.enterprise_id].append(user)
        if holders:
            self.holders = active.in_bulk({pk for d in duties for pk in d.user_ids})

    def of(self, duty) -> list:
        people = [self.holders[pk] for pk in duty.user_ids if pk in self.holders]
        people += self.officials.get(duty.district_id, [])
        people += self.enterprise_users.get(duty.enterprise_id, [])
        return people
