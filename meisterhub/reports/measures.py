"""What each figure of the annual report means, in one place.

Every measure has a code, the Korean label the report prints and a Korean sentence that says
what is counted. The aggregates count by the rules below (which booking or reservation status
falls under which measure), the figures label their cells with these labels, and the
dashboard, the PDF and the XLSX print the sentences in their "지표 정의" part. Change a rule
here and every renderer, and its definition, follows.
"""

from dataclasses import dataclass

from meisterhub.consultations.models import BookingStatus
from meisterhub.facilities.models import Reservation


@dataclass(frozen=True)
class Measure:
    code: str
    label: str
    definition: str

    def label_for(self, year: int) -> str:
        return self.label.format(year=year)


PERIOD = "기간(선택한 연도의 1월 1일부터 12월 31일까지)"

# Consultations: only a completed one is a consultation; every other state is shown apart.
CONSULTATIONS = Measure(
    "consultations.completed",
    "상담 건수",
    f"{PERIOD}에 시작한 마이스터 상담 중 상태가 ‘완료’(상담 완료)인 건수입니다. 사전 예약과 "
    "현장 방문(워크인)을 더한 값이며, 예약(예정)·결과 미기록·노쇼·취소·거절은 넣지 않고 따로 "
    "보입니다.",
)
RESERVED = Measure(
    "consultations.reservation", "사전 예약", "상담 건수 가운데 사전 예약으로 진행한 상담입니다."
)
WALK_INS = Measure(
    "consultations.walk_in",
    "현장 방문(워크인)",
    "상담 건수 가운데 예약 없이 센터를 찾아와 진행한 상담입니다.",
)
UPCOMING = Measure(
    "bookings.upcoming",
    "예약(예정)",
    "신청·확정·다른 시간 제안·변경 필요 상태이고 시작 시각이 아직 오지 않은 예약입니다. 상담이 "
    "열리기 전이므로 상담 건수에 넣지 않습니다.",
)
UNRECORDED = Measure(
    "bookings.unrecorded",
    "결과 미기록",
    "시작 시각이 지났지만 완료나 노쇼로 처리되지 않은 예약입니다. 결과를 기록하면 해당 칸으로 "
    "옮겨 갑니다.",
)
NO_SHOWS = Measure("bookings.no_show", "노쇼(불참)", "예약한 기업이 나타나지 않은 예약입니다.")
CANCELLED = Measure("bookings.cancelled", "취소", "기업이나 운영자가 취소한 예약입니다.")
DECLINED = Measure("bookings.declined", "거절", "마이스터가 받지 않은 예약 신청입니다.")
SATISFACTION_AVERAGE = Measure(
    "satisfaction.average",
    "만족도 평균(5점)",
    "상담 건수에 든 상담에 대해 받은 만족도 조사 점수(1~5점)의 평균입니다.",
)
SATISFACTION_ANSWERS = Measure(
    "satisfaction.answers",
    "만족도 응답",
    "상담 건수에 든 상담에 대해 받은 만족도 조사 응답 수입니다.",
)
ONSITE_ENGAGEMENTS = Measure(
    "onsite.engagements",
    "현장애로 지원 착수",
    f"{PERIOD}에 새로 시작한 현장애로 지원(현장 멘토링) 건수입니다.",
)
ONSITE_VISITS = Measure(
    "onsite.visits", "현장 방문 지도", "그 현장애로 지원에 기록된 현장 방문 횟수입니다."
)

# Bookings that are not (yet) consultations, in the order the report shows them.
BOOKING_STATES = (UPCOMING, UNRECORDED, NO_SHOWS, CANCELLED, DECLINED)
# Still open: before the start it is a booking, after the start its result is missing.
OPEN_STATUSES = frozenset(
    {
        BookingStatus.REQUESTED,
        BookingStatus.CONFIRMED,
        BookingStatus.PROPOSED,
        BookingStatus.NEEDS_CHANGE,
    }
)
_CLOSED = {
    BookingStatus.COMPLETED: CONSULTATIONS,
    BookingStatus.NO_SHOW: NO_SHOWS,
    BookingStatus.CANCELLED: CANCELLED,
    BookingStatus.DECLINED: DECLINED,
}


def booking_measure(status: str, *, started: bool) -> Measure:
    """The one measure a booking falls under, by its state and whether its time has begun."""
    if status in OPEN_STATUSES:
        return UNRECORDED if started else UPCOMING
    return _CLOSED[status]


MENTORING_ACTIVE = Measure(
    "mentoring.engagements",
    "진행 멘토링",
    f"진행 기간(시작일~종료일)이 {PERIOD}과 겹치는 창업 멘토링 수입니다.",
)
MENTORING_STARTED = Measure(
    "mentoring.started", "신규 멘토링", "진행 멘토링 가운데 기간 안에 시작한 멘토링입니다."
)
MENTORING_COMPANIES = Measure(
    "mentoring.companies", "멘토링 기업", "진행 멘토링에 참여한 기업 수(중복 제외)입니다."
)
MENTORING_MENTORS = Measure(
    "mentoring.mentors", "참여 멘토", "진행 멘토링을 맡은 멘토 수(중복 제외)입니다."
)
MENTORING_SESSIONS = Measure(
    "mentoring.sessions", "멘토링 회차", "기간 안에 열린 멘토링 회차 수입니다."
)

# Facilities: a confirmed reservation is the record; pending, cancelled, rejected apart.
RESERVATIONS = Measure(
    "facilities.reservations",
    "예약 건수",
    f"{PERIOD}에 시작하는 대관 중 ‘예약 확정’인 건수입니다. 승인 대기·취소·반려는 넣지 않고 "
    "따로 보입니다.",
)
RESERVATION_HOURS = Measure(
    "facilities.hours", "사용 시간(시간)", "예약 확정된 대관의 시작부터 종료까지 시간의 합입니다."
)
RESERVATION_PEOPLE = Measure(
    "facilities.people", "이용 인원", "예약 확정된 대관에 적힌 이용 인원의 합입니다."
)
RESERVATION_PENDING = Measure(
    "facilities.pending", "승인 대기", "운영자의 승인을 기다리는 대관 신청입니다."
)
RESERVATION_CANCELLED = Measure(
    "facilities.cancelled", "대관 취소", "신청자나 운영자가 취소한 대관입니다."
)
RESERVATION_REJECTED = Measure(
    "facilities.rejected", "반려", "운영자가 받아들이지 않은 대관 신청입니다."
)
RESERVATION_MEASURES = {
    Reservation.Status.CONFIRMED: RESERVATIONS,
    Reservation.Status.PENDING: RESERVATION_PENDING,
    Reservation.Status.CANCELLED: RESERVATION_CANCELLED,
    Reservation.Status.REJECTED: RESERVATION_REJECTED,
}

EVENT_SESSIONS = Measure(
    "events.sessions",
    "행사·교육 회차",
    f"{PERIOD}에 시작해 이미 끝난 공개 행사·교육의 수입니다. 취소되었거나 아직 끝나지 않은 "
    "행사는 넣지 않습니다.",
)
EVENT_REGISTRANTS = Measure(
    "events.registrants",
    "신청자",
    "그 행사에 자리를 받은 신청(참가 확정·참석)의 수입니다. 대기자와 취소한 신청은 넣지 않습니다.",
)
EVENT_ATTENDEES = Measure(
    "events.attendees", "참석자", "그 행사에서 참석으로 확인된 신청의 수입니다."
)

PROGRAM_COMPANIES = Measure(
    "programs.companies",
    "참여 기업",
    "선택한 연도의 지원사업에 수혜기업으로 등록된 기업 수(중복 제외)입니다.",
)
PROGRAM_COUNT = Measure("programs.count", "지원사업 수", "선택한 연도의 지원사업 수입니다.")
PROGRAM_BUDGET = Measure(
    "programs.budget", "공고 예산 합계(원)", "그 지원사업들의 게시된 공고 예산을 더한 값입니다."
)
PROGRAM_APPLICATIONS = Measure(
    "programs.applications", "신청 건수", "제출된 신청 수입니다. 작성 중인 신청은 넣지 않습니다."
)
PROGRAM_SELECTED = Measure(
    "programs.selected", "선정 건수", "제출된 신청 가운데 선정된 신청 수입니다."
)
PROGRAM_AGREED = Measure(
    "programs.agreed", "협약 지원금(원)", "선정 뒤 맺은 협약에 적힌 지원금을 더한 값입니다."
)

GROWTH_COMPANIES = Measure(
    "growth.companies",
    "비교 기업 수",
    "선택한 연도의 수혜기업 가운데 전년과 당해 성과를 모두 보고한 기업 수입니다.",
)
GROWTH_RATE = Measure(
    "growth.rate",
    "증감률(%)",
    "비교 기업의 (당해 합 - 전년 합) ÷ 전년 합 × 100입니다. 전년 값이 없으면 ‘-’로 보입니다.",
)
EXPORT_CONSULTATION = Measure(
    "outcomes.export_consultation",
    "수출 상담액(원)",
    "선택한 연도의 성과 보고에 적힌 수출 상담액의 합입니다.",
)
CONTRACTS = Measure(
    "outcomes.contracts", "계약액(원)", "선택한 연도의 성과 보고에 적힌 계약액의 합입니다."
)
MOUS = Measure(
    "outcomes.mous", "MOU 체결(건)", "선택한 연도의 성과 보고에 적힌 MOU 체결 건수의 합입니다."
)
OUTCOME_REPORTS = Measure(
    "outcomes.reports", "성과 보고 기업", "선택한 연도의 성과를 보고한 기업 수입니다."
)

CHAMPIONS_YEAR = Measure(
    "champions.year", "{year}년 지정", "그 해에 강소기업으로 지정된 기업 수입니다."
)
CHAMPIONS_TOTAL = Measure(
    "champions.total", "누적 지정", "첫 지정부터 선택한 연도까지 지정된 강소기업 수의 합입니다."
)
CHAMPIONS_SHARE = Measure("champions.share", "달성률(%)", "누적 지정 ÷ 목표 × 100입니다.")

# The measures each report section shows, in the order of its definitions.
SECTION_MEASURES = {
    "consultations": (
        CONSULTATIONS,
        RESERVED,
        WALK_INS,
        *BOOKING_STATES,
        SATISFACTION_AVERAGE,
        SATISFACTION_ANSWERS,
        ONSITE_ENGAGEMENTS,
        ONSITE_VISITS,
    ),
    "mentoring": (
        MENTORING_ACTIVE,
        MENTORING_STARTED,
        MENTORING_COMPANIES,
        MENTORING_MENTORS,
        MENTORING_SESSIONS,
    ),
    "facilities": (
        RESERVATIONS,
        RESERVATION_HOURS,
        RESERVATION_PEOPLE,
        RESERVATION_PENDING,
        RESERVATION_CANCELLED,
        RESERVATION_REJECTED,
    ),
    "events": (EVENT_SESSIONS, EVENT_REGISTRANTS, EVENT_ATTENDEES),
    "programs": (
        PROGRAM_COMPANIES,
        PROGRAM_COUNT,
        PROGRAM_BUDGET,
        PROGRAM_APPLICATIONS,
        PROGRAM_SELECTED,
        PROGRAM_AGREED,
    ),
    "growth": (
        GROWTH_COMPANIES,
        GROWTH_RATE,
        EXPORT_CONSULTATION,
        CONTRACTS,
        MOUS,
        OUTCOME_REPORTS,
    ),
    "champions": (CHAMPIONS_YEAR, CHAMPIONS_TOTAL, CHAMPIONS_SHARE),
}
DEFINITIONS_TITLE = "지표 정의"
