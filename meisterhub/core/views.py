import sys

RETRY_AFTER_SECONDS = "5"


def server_error(request):
    """handler500. While the database is briefly unreachable (a restart, a fail-over) answer 503
    with Retry-After instead of a bare 500, so clients and load balancers come back later."""
    from django.db import InterfaceError, OperationalError
    from django.http import HttpResponse, JsonResponse
    from django.template import loader

    error = sys.exc_info()[1]
    if isinstance(error, (OperationalError, InterfaceError)):
        message = "데이터베이스에 잠시 연결할 수 없습니다. 잠시 후 다시 시도해 주세요."
        if request.path.startswith("/api/"):
            response = JsonResponse({"detail": message}, status=503)
        else:
            response = HttpResponse(
                '<!doctype html><html lang="ko"><meta charset="utf-8">'
                f"<title>잠시 후 다시 시도해 주세요</title><h1>잠시 후 다시 시도해 주세요</h1><p>{message}</p></html>",
                status=503,
            )
        response["Retry-After"] = RETRY_AFTER_SECONDS
        return response
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "일시적인 오류가 발생했습니다."}, status=500)
    return HttpResponse(loader.get_template("500.html").render(), status=500)
