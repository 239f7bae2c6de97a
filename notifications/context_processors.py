from .services import unread_count


def unread_messages(request):
    """The unread count in the page header: one query per request, kept on the request for later renders."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    if not hasattr(request, "_unread_messages"):
        request._unread_messages = unread_count(user)
    return {"unread_messages": request._unread_messages}
