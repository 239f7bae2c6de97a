from celery.signals import task_postrun
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.core.signals import request_finished
from django.dispatch import receiver

from . import events

# the events kept outside a refused operation's transaction are written when the request or task ends
request_finished.connect(events.flush_independent, dispatch_uid="audit_flush_independent")
task_postrun.connect(events.flush_independent, dispatch_uid="audit_flush_independent_task", weak=False)


@receiver(user_logged_in)
def _logged_in(sender, request, user, **kwargs):
    events.login_succeeded(user)


@receiver(user_logged_out)
def _logged_out(sender, request, user, **kwargs):
    if user is not None:
        events.logged_out(user)


@receiver(user_login_failed)
def _login_failed(sender, credentials, request=None, **kwargs):
    events.login_failed(str(credentials.get("username", "")))
