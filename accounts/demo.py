"""Demo users for every role. Passwords are printed; they are for demonstration only."""

from django.utils.translation import gettext

from kernel.roles import Role

from .models import Department, DepartmentGrant, District, User

DEMO_PASSWORD = "Demo-pass-2026"

DEPARTMENTS = [
    ("zhujian", "市住房和城乡建设局"),
    ("fagai", "市发展和改革委员会"),
    ("caizheng", "市财政局"),
    ("gongan", "市公安局"),
    ("fayuan", "市中级人民法院"),
    ("xinyong", "市信用信息共享平台"),
]

# username, name, role, district code, department code
USERS = [
    ("admin", "系统管理员", Role.CITY_ADMIN, None, None),
    ("leader", "市领导", Role.CITY_LEADER, None, None),
    ("chengguan_official", "城关区监管员", Role.DISTRICT_OFFICIAL, "620102", None),
    ("qilihe_official", "七里河区监管员", Role.DISTRICT_OFFICIAL, "620103", None),
    ("chengguan_inspector", "张监察", Role.INSPECTOR, "620102", None),
    ("qilihe_inspector", "李监察", Role.INSPECTOR, "620103", None),
    ("chengguan_grid", "王协管", Role.GRID_ASSISTANT, "620102", None),
    ("zhujian_api", "住建局接口", Role.API_CLIENT, None, "zhujian"),
]


def ensure_user(username, *, name, role, district=None, enterprise=None, department=None):
    user, created = User.objects.get_or_create(
        username=username,
        defaults={"name": name, "role": role, "district": district, "enterprise": enterprise,
                  "department": department},
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    return user, created


def seed(stdout):
    departments = {}
    for code, name in DEPARTMENTS:
        departments[code], _ = Department.objects.get_or_create(code=code, defaults={"name": name})
    DepartmentGrant.objects.get_or_create(department=departments["zhujian"], resource="enterprises.enterprise")
    DepartmentGrant.objects.get_or_create(department=departments["zhujian"], resource="accounts.district")
    districts = {d.code: d for d in District.objects.all()}
    for username, name, role, district_code, department_code in USERS:
        ensure_user(username, name=name, role=role, district=districts.get(district_code),
                    department=departments.get(department_code))


def logins() -> list[dict]:
    """Every login the demo data holds (all share DEMO_PASSWORD): what seed_demo prints at the end."""
    rows = []
    users = User.objects.select_related("district", "enterprise", "department")
    for user in sorted(users, key=lambda u: (Role.values.index(u.role), u.username)):
        scope = (user.enterprise.name if user.enterprise_id else user.district.name if user.district_id
                 else user.department.name if user.department_id else gettext("Whole city"))
        rows.append({"username": user.username, "password": DEMO_PASSWORD, "role": str(Role(user.role).label),
                     "scope": scope})
    return rows


def print_logins(stdout) -> None:
    stdout.write("Demo logins (demonstration only):")
    stdout.write(f"  {'username':24} {'password':16} {'role':12} district / enterprise")
    for row in logins():
        stdout.write(f"  {row['username']:24} {row['password']:16} {row['role']:12} {row['scope']}")
