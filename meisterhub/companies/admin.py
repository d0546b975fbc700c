from django.contrib import admin

from meisterhub.core.admin import HistoryAdminMixin

from .forms import CompanyForm
from .models import Company, Industry, Membership


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Company)
class CompanyAdmin(HistoryAdminMixin, admin.ModelAdmin):
    history_prefix = "companies.company"
    form = CompanyForm
    list_display = ["name", "brn_display", "industry", "size_class", "district", "employees"]
    list_filter = ["size_class", "org_type", "district", "industry"]
    search_fields = ["name", "brn", "representative"]
    list_select_related = ["industry"]
    inlines = [MembershipInline]

    @admin.display(description="사업자등록번호", ordering="brn")
    def brn_display(self, obj):
        return obj.brn_display


@admin.register(Industry)
class IndustryAdmin(admin.ModelAdmin):
    list_display = ["code", "name"]
    search_fields = ["code", "name"]
