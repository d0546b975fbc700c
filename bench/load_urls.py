"""The product's URLconf plus one baseline route for load runs (bench/load_wsgi.py sets it).

/__bare_write__/ is the least a signed-in write can cost here: the app's whole middleware
stack (session, user, CSRF, two-factor, lockout), one INSERT in a transaction, a JSON reply.
It is what the booking POST is compared with besides the bare read (issue 16).
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.http import HttpResponseNotAllowed, JsonResponse
from django.urls import path

from config.urls import urlpatterns as product_urlpatterns
from meisterhub.core.models import History

BARE_WRITE_PATH = "/__bare_write__/"


def bare_write(request):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        return JsonResponse({"detail": "sign in"}, status=401)
    with transaction.atomic():
        row = History.objects.create(
            actor=request.user,
            action="bench.bare_write",
            content_type=ContentType.objects.get_for_model(History),
            object_id="0",
            object_repr="bench",
        )
    return JsonResponse({"id": row.pk}, status=201)


urlpatterns = [path(BARE_WRITE_PATH.strip("/") + "/", bare_write), *product_urlpatterns]
