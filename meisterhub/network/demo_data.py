"""Names for the demo: Gyeongnam's smart-factory council and its network (contacts fictional)."""

COUNCIL_NAME = "경남 스마트공장 민관협의체"
COUNCIL_DESCRIPTION = (
    "경상남도 제조기업의 스마트공장 보급·고도화를 위해 지자체, 지원기관, 연구기관, 금융기관, "
    "대학, 협회 26개 기관이 역할을 나누어 참여하는 민관 협의체"
)

# (name, kind, council role) - the 26 members of the council
COUNCIL_MEMBERS = [
    ("경상남도", "government", "overall"),
    ("창원특례시", "government", "overall"),
    ("경남테크노파크", "support_agency", "overall"),
    ("창원산업진흥원", "support_agency", "overall"),
    ("경남지방중소벤처기업청", "government", "promotion"),
    ("스마트제조혁신추진단 경남센터", "support_agency", "promotion"),
    ("중소벤처기업진흥공단 경남지역본부", "support_agency", "promotion"),
    ("한국산업단지공단 경남지역본부", "support_agency", "promotion"),
    ("경남창조경제혁신센터", "support_agency", "promotion"),
    ("한국전기연구원", "research_institute", "promotion"),
    ("한국재료연구원", "research_institute", "promotion"),
    ("한국생산기술연구원 동남본부", "research_institute", "promotion"),
    ("BNK경남은행", "bank", "financing"),
    ("NH농협은행 경남영업본부", "bank", "financing"),
    ("IBK기업은행 경남지역본부", "bank", "financing"),
    ("신용보증기금 창원지점", "bank", "financing"),
    ("기술보증기금 창원지점", "bank", "financing"),
    ("경남신용보증재단", "bank", "financing"),
    ("국립창원대학교", "university", "workforce"),
    ("경상국립대학교", "university", "workforce"),
    ("한국폴리텍대학 창원캠퍼스", "university", "workforce"),
    ("경남대학교", "university", "workforce"),
    ("인제대학교", "university", "workforce"),
    ("창원상공회의소", "association", "awareness"),
    ("경남경영자총협회", "association", "awareness"),
    ("한국스마트제조산업협회 경남지회", "association", "awareness"),
]
OTHER_INSTITUTIONS = [
    ("한국기계연구원", "research_institute"),
    ("경남로봇랜드재단", "support_agency"),
    ("(주)스마트팩토리솔루션즈", "supplier"),
    ("경남MES테크(주)", "supplier"),
    ("한빛오토메이션(주)", "supplier"),
    ("(주)디지털트윈랩", "supplier"),
    ("세진로보틱스(주)", "supplier"),
    ("창원데이터시스템(주)", "supplier"),
]
CONTACT_NAMES = ["김정훈", "이수진", "박민호", "최영희", "정대현", "강미경", "조성민", "윤지혜",
                 "장현우", "임은영", "한상철", "오세영", "서동욱", "신유나", "권태준", "황보람"]
POSITIONS = ["주무관", "팀장", "책임연구원", "과장", "차장", "대리", "선임", "부장"]

MEETINGS = [  # (kind, month offset from the first plenary, title, agenda)
    ("plenary", 0, "하반기 정기회의", ["상반기 보급 실적 보고", "고도화 수요 발굴 방안", "금융 연계 상품 안내"]),
    ("working", 1, "제1차 실무회의", ["수요기업 현장 방문 일정", "공급기업 풀 정비"]),
    ("working", 3, "제2차 실무회의", ["인력양성 과정 개설", "지역 세미나 준비"]),
    ("working", 5, "제3차 실무회의", ["보증 우대 상품 실적 점검", "사후관리 방안"]),
    ("plenary", 6, "상반기 정기회의", ["전년도 성과 보고", "올해 보급 계획", "기관별 역할 재정비"]),
    ("working", 7, "제4차 실무회의", ["월례 설명회 결과", "핫라인 접수 현황"]),
]
DECISIONS = [
    "수요기업 현장 방문을 분기마다 실시한다",
    "스마트공장 구축 기업 전용 보증 우대 상품을 안내한다",
    "재직자 MES 운영 교육 과정을 개설한다",
    "공급기업 평가 결과를 회원 기관과 공유한다",
    "지역 순회 세미나를 시·군별로 개최한다",
    "고도화 수요조사 결과를 다음 회의에 보고한다",
]

TECHNOLOGIES = [  # (title, field code, TRL, owner)
    ("고강도 알루미늄 다이캐스팅 합금", "CAST", 6, "한국재료연구원"),
    ("후판 용접부 균열 저감 예열 제어 기술", "WELD", 7, "한국생산기술연구원 동남본부"),
    ("저변형 진공 침탄 열처리 공정", "HEAT", 5, "한국재료연구원"),
    ("친환경 3가 크롬 도금 공정", "SURF", 6, "한국생산기술연구원 동남본부"),
    ("위상배열 초음파 용접부 자동 판독", "NDT", 4, "국립창원대학교"),
    ("협동로봇 용접 경로 자동 생성", "AUTO", 5, "한국기계연구원"),
    ("설비 진동 데이터 기반 고장 예지", "SMART", 6, "경상국립대학교"),
    ("수소 충전소용 고압 밸브 밀봉 기술", "H2", 4, "한국기계연구원"),
    ("항공기 부품용 티타늄 정밀 가공", "DEFAERO", 5, "경남대학교"),
    ("사출 금형 냉각 채널 최적 설계", "MOLD", 7, "인제대학교"),
    ("고효율 영구자석 전동기 설계", "ELEC", 6, "한국전기연구원"),
    ("금속 파단면 AI 분석", "MATL", 3, "국립창원대학교"),
]

INQUIRIES = [  # (category, field code or "", title, body)
    ("technical", "WELD", "용접부 균열 원인 문의", "SS400 필릿 용접 후 크레이터 균열이 자주 생깁니다."),
    ("technical", "HEAT", "열처리 후 경도 편차", "SCM440 부품 담금질 후 위치별 경도 차이가 큽니다."),
    ("technical", "MOLD", "사출 금형 변형", "PP 사출품에 휨이 생겨 조립이 안 됩니다."),
    ("technical", "SURF", "도금 밀착 불량", "아연 도금 후 일부가 벗겨집니다."),
    ("technical", "MACH", "가공 떨림 문제", "얇은 벽 알루미늄 가공 시 채터가 납니다."),
    ("technical", "SMART", "MES 도입 범위", "소규모 가공업체에 맞는 MES 범위를 알고 싶습니다."),
    ("technical", "NDT", "초음파 검사 기준", "후판 용접부 UT 합격 기준을 알고 싶습니다."),
    ("technical", "", "설비 소음이 커졌습니다", "프레스 설비에서 이상 소음이 납니다."),
    ("program", "", "스마트공장 지원사업 공고 일정", "올해 고도화 사업 공고는 언제 나오나요?"),
    ("program", "", "수출바우처 신청 자격", "작년 수출 실적이 없어도 신청할 수 있나요?"),
    ("program", "", "강소기업 선정 기준", "선정 평가 항목이 궁금합니다."),
    ("facility", "", "3D프린터 사용 예약", "시제품 출력을 위해 장비를 쓰고 싶습니다."),
    ("facility", "", "IR 룸 대관", "투자 설명회 촬영을 위해 대관하고 싶습니다."),
    ("startup", "", "예비창업자 사무실 입주", "창업지원센터 입주 조건이 궁금합니다."),
    ("startup", "", "시제품 제작 지원", "아이디어 단계에서 받을 수 있는 지원이 있나요?"),
    ("finance", "", "스마트공장 구축 자금 대출", "기업 부담금을 대출로 마련할 수 있나요?"),
    ("finance", "", "보증서 발급 문의", "기술보증 우대 조건이 궁금합니다."),
    ("finance", "", "운전자금 지원", "원자재 가격 상승으로 운전자금이 필요합니다."),
    ("other", "", "협의회 세미나 참가", "지역 세미나 참가 신청 방법을 알려 주세요."),
    ("other", "", "기업 방문 상담 요청", "공장으로 와서 상담해 주실 수 있나요?"),
    ("technical", "QUAL", "ISO 9001 인증 준비", "처음 인증을 준비하는데 무엇부터 해야 하나요?"),
    ("technical", "AUTO", "로봇 용접 도입 검토", "소량 다품종에서도 로봇 용접이 효과가 있을까요?"),
    ("program", "", "인력양성 과정 수강", "재직자 MES 교육 과정 일정이 궁금합니다."),
    ("finance", "", "투자 유치 상담", "시리즈 A 투자 유치 상담을 받고 싶습니다."),
    ("technical", "H2", "수소 배관 재질 선정", "고압 수소 배관용 스테인리스 선정 기준이 궁금합니다."),
]
