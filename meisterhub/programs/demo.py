"""Demo records for the programs app: programs in all seven areas, open and closed calls,
applications in every state, evaluators with scores, agreements, outcomes, champions, awards."""

from datetime import timedelta
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone

from meisterhub.accounts.models import User

from .models import (
    Agreement,
    Application,
    Area,
    Assignment,
    Award,
    Beneficiary,
    Call,
    CallAttachment,
    Criterion,
    HiddenChampion,
    Milestone,
    OutcomeReport,
    Program,
    RequiredDocument,
    Score,
)
from .services.evaluation import weighted_total

PROGRAMS = {
    Area.ENTERPRISE: ("스마트공장 고도화 지원사업", "제조 현장의 자동화·데이터화를 돕습니다."),
    Area.WORKFORCE: ("기계산업 현장인력 양성사업", "재직자 직무교육과 청년 현장실습을 지원합니다."),
    Area.DEFENSE_AERO: ("방산·항공부품 국산화 지원사업", "방산·항공 부품 국산화 개발과 인증을 지원합니다."),
    Area.HYDROGEN: ("수소 모빌리티 부품 실증 지원사업", "수소 충전·저장 부품의 실증을 지원합니다."),
    Area.EXPORT: ("중소기업 수출 바우처 지원사업", "해외 전시회, 무역사절단, 해외 인증을 지원합니다."),
    Area.STARTUP_JOBS: ("제조 창업기업 성장 지원사업", "시제품 제작과 투자 유치를 돕습니다."),
    Area.FUTURE: ("미래 모빌리티 신사업 기획 지원사업", "신사업 기획과 기술 로드맵 수립을 지원합니다."),
}
CRITERIA = [("기술성", 35, 10), ("사업성", 30, 10), ("수행역량", 20, 10), ("파급효과", 15, 10)]
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def _evaluators(rng) -> list[User]:
    names = ["강민호", "윤서연", "정태훈", "한지민", "오승현", "임재원", "서하늘"]
    users = []
    for n, name in enumerate(names, start=1):
        user, created = User.objects.get_or_create(
            username=f"evaluator{n}",
            defaults={"full_name": name, "role": "evaluator", "email": f"evaluator{n}@example.kr"})
        if created:
            user.set_password("demo-pass-1234")
            user.save()
        users.append(user)
    return users


def _call(program, *, opens_at, closes_at, selection_count, rng, **rules) -> Call:
    call = Call.objects.create(
        program=program, title=f"{program.year}년 {program.name} 참여기업 모집 공고",
        description=f"{program.description}\n창원 소재 제조기업의 많은 참여를 바랍니다.",
        opens_at=opens_at, closes_at=closes_at, budget=rng.choice([3, 5, 8, 12]) * 100_000_000,
        selection_count=selection_count, **rules)
    RequiredDocument.objects.create(call=call, name="사업계획서", order=1,
                                    accepted_kinds=["hwp", "hwpx", "pdf"])
    RequiredDocument.objects.create(call=call, name="재무제표", order=2,
                                    accepted_kinds=["xlsx", "pdf"])
    RequiredDocument.objects.create(call=call, name="사업자등록증 사본", order=3,
                                    accepted_kinds=["pdf", "image"])
    for order, (name, weight, max_score) in enumerate(CRITERIA):
        Criterion.objects.create(call=call, name=name, weight=weight, max_score=max_score,
                                 order=order)
    attachment = CallAttachment(call=call, title="공고문", kind="pdf")
    attachment.file.save(f"call-{call.pk}.pdf", ContentFile(PDF), save=True)
    return call


def _applicant(company, staff):
    membership = company.memberships.filter(status="active").select_related("user").first()
    return membership.user if membership else staff


def _score(application, evaluators, staff, rng, *, submitted=True):
    criteria = list(application.call.criteria.all())
    base = rng.uniform(5.5, 9.0)
    for evaluator in evaluators:
        values = {c.pk: Decimal(str(max(0, min(c.max_score, round(base + rng.uniform(-1.5, 1.5))))))
                  for c in criteria}
        assignment = Assignment.objects.create(
            application=application, evaluator=evaluator, assigned_by=staff,
            submitted_at=timezone.now() if submitted else None,
            total=weighted_total(values, criteria) if submitted else None)
        Score.objects.bulk_create(Score(assignment=assignment, criterion_id=cid, value=v)
                                  for cid, v in values.items())


def _applications(call, companies, staff, evaluators, rng, statuses):
    made = []
    for company, status in zip(companies, statuses, strict=False):
        application = Application.objects.create(
            call=call, company=company, applicant=_applicant(company, staff), status=status,
            plan_summary=rng.choice([
                "용접 공정 자동화로 불량률을 3%에서 1%로 줄이는 계획입니다.",
                "해외 전시회 참가와 현지 바이어 발굴로 수출 30% 증대를 목표로 합니다.",
                "수소 밸브 부품의 내구성 실증과 KC 인증 획득을 추진합니다.",
                "MES 도입으로 생산 데이터를 실시간으로 관리하려 합니다."]),
            requested_amount=rng.choice([3, 5, 7, 10]) * 10_000_000,
            submitted_at=None if status == "draft" else call.opens_at + timedelta(days=1))
        made.append(application)
    return made


def _finish_selection(call, applications, evaluators, staff, rng):
    from .ranking import rank_call

    for application in applications:
        _score(application, rng.sample(evaluators, 5), staff, rng)
    ranked = rank_call(call)
    for item in ranked:
        application = Application.objects.get(pk=item.application_id)
        chosen = item.rank <= call.selection_count
        application.status = "selected" if chosen else "not_selected"
        application.final_score, application.rank = item.final_score, item.rank
        application.decided_at = call.closes_at + timedelta(days=20)
        application.save()
        if chosen:
            Beneficiary.objects.get_or_create(program=call.program, company=application.company,
                                              defaults={"year": call.program.year,
                                                        "application": application})
            agreement = Agreement.objects.create(
                application=application, support_amount=application.requested_amount,
                signed_on=application.decided_at.date() + timedelta(days=10))
            for n, title in enumerate(["착수 보고", "중간 점검", "결과 보고"]):
                due = agreement.signed_on + timedelta(days=90 * (n + 1))
                Milestone.objects.create(agreement=agreement, title=title, due_on=due,
                                         completed_on=due if due < timezone.localdate() else None)
    call.selected_at = call.closes_at + timedelta(days=20)
    call.save(update_fields=["selected_at"])


def _outcomes(companies, year, rng):
    growth = {"export": 1.08, "employees": 1.056, "production": 1.039}
    for company in companies:
        export = rng.randint(5, 200) * 10_000_000
        employees = company.employees or rng.randint(10, 120)
        production = rng.randint(20, 900) * 100_000_000
        for y in (year - 2, year - 1, year):
            jitter = rng.uniform(0.97, 1.03)
            OutcomeReport.objects.update_or_create(company=company, year=y, defaults={
                "export_amount": int(export), "employees": int(employees),
                "production_amount": int(production),
                "export_consultation_amount": rng.randint(0, 50) * 10_000_000,
                "contract_amount": rng.randint(0, 20) * 10_000_000,
                "mou_count": rng.randint(0, 3), "source": "import"})
            export *= growth["export"] * jitter
            employees = max(1, round(employees * growth["employees"]))
            production *= growth["production"] * rng.uniform(0.99, 1.01)


def seed(*, rng, companies, meisters, staff):
    companies = list(companies)
    if not companies:
        return
    evaluators = _evaluators(rng)
    now = timezone.now()
    this_year = timezone.localdate().year
    for area, (name, description) in PROGRAMS.items():
        for year in (this_year - 1, this_year):
            program = Program.objects.create(area=area, name=name, description=description,
                                             year=year)
            sample = rng.sample(companies, k=min(len(companies), 8))
            if year < this_year:
                call = _call(program, opens_at=now - timedelta(days=400),
                             closes_at=now - timedelta(days=370), selection_count=3, rng=rng,
                             allowed_size_classes=["micro", "sme"])
                applications = _applications(call, sample, staff, evaluators, rng,
                                             ["evaluation"] * 6 + ["withdrawn"])
                _finish_selection(call, [a for a in applications if a.status == "evaluation"],
                                  evaluators, staff, rng)
            else:
                open_call = _call(program, opens_at=now - timedelta(days=10),
                                  closes_at=now + timedelta(days=20), selection_count=3, rng=rng,
                                  max_years_since_founding=rng.choice([None, 7]))
                _applications(open_call, sample, staff, evaluators, rng,
                              ["draft", "submitted", "supplement", "evaluation", "withdrawn"])
                for application in open_call.applications.filter(status="evaluation"):
                    _score(application, evaluators[:2], staff, rng, submitted=False)
                _call(program, opens_at=now + timedelta(days=15),
                      closes_at=now + timedelta(days=45), selection_count=5, rng=rng)
    beneficiaries = [b.company for b in Beneficiary.objects.select_related("company")]
    _outcomes(beneficiaries, this_year - 1, rng)
    for offset, year in enumerate(range(this_year - 4, this_year)):
        for company in companies[offset * 4:offset * 4 + 4]:
            HiddenChampion.objects.get_or_create(company=company, defaults={
                "year": year, "citation": "세계 시장 점유율 상위의 핵심 부품 기술", "designated_by": staff})
    winners = rng.sample(companies, k=min(4, len(companies)))
    for category, company in zip(["enterprise_support", "startup_support", "defense_aero",
                                  "export_support"], winners, strict=False):
        Award.objects.create(year=this_year - 1, category=category, company=company,
                             title="창원시장상", citation="지원사업 참여 후 매출과 고용이 크게 늘었습니다.")
    for meister in list(meisters)[:1]:
        Award.objects.create(year=this_year - 1, category="best_mentor", meister=meister,
                             title="산업진흥원장상", citation="현장애로 멘토링 40회, 만족도 4.9점")
