from django.http import Http404


def transfer(request):
    raise Http404


import_view = export_view = transfer
