"""Fictional demo meisters: two or three per field, written from the field's daily work."""

import random

from .services import save_meister

SURNAMES = "김이박최정강조윤장임한오서신권황안송류홍전고문양손배백허남심노하곽성차주우구민유진지엄채원천방공현함변염여추도소석선설마길위표명기반왕금옥육인맹제모탁국"
GIVEN = [
    "동석",
    "상철",
    "영호",
    "정훈",
    "기태",
    "성민",
    "재원",
    "명수",
    "현우",
    "광식",
    "태준",
    "승호",
    "병철",
    "종길",
    "대현",
    "용수",
    "인규",
    "창호",
    "만석",
    "진우",
    "경수",
    "보현",
    "희정",
    "미경",
    "순자",
    "은영",
    "수진",
    "지훈",
    "준영",
    "도윤",
    "세영",
    "하늘",
    "규철",
    "덕배",
    "봉주",
    "형석",
]
TITLES = ["기술사", "명장", "기능장", "퇴직 현장기술자", "교수", "연구원"]
EMPLOYERS = [
    "창원국가산단 공작기계 제조사",
    "마산 자유무역지역 전자부품 기업",
    "진해 조선기자재 업체",
    "성산구 방산 협력사",
    "의창구 자동차 부품사",
    "경남 소재 발전설비 대기업",
    "창원 유압기기 전문기업",
]

# field: (what they did, keywords, certificates, related second fields)
PROFILES = {
    "STEEL": (
        "전기로 제강과 연속주조 조업",
        ["전기로", "래들 정련", "연주 크랙", "탈황", "슬래그"],
        ["금속제련기술사"],
        ["MATL", "CAST"],
    ),
    "CAST": (
        "사형·정밀 주조 라인의 결함 개선",
        ["기공", "수축공", "탕구 설계", "FCD450", "다이캐스팅"],
        ["주조기능장"],
        ["MATL", "MOLD"],
    ),
    "FORM": (
        "열간·냉간 단조와 프레스 성형",
        ["단조 금형", "스프링백", "판금", "냉간 압조", "프레스 트라이"],
        ["금형기능장"],
        ["MOLD", "DESIGN"],
    ),
    "WELD": (
        "압력용기·배관 용접 절차 관리",
        ["WPS/PQR", "TIG", "CO2 용접", "용접 변형", "이종 용접"],
        ["용접기술사", "용접기능장"],
        ["NDT", "MATL"],
    ),
    "HEAT": (
        "침탄·고주파 열처리 공정 관리",
        ["침탄", "고주파 경화", "담금질 변형", "SCM440", "뜨임 취성"],
        ["금속재료기술사"],
        ["MATL", "SURF"],
    ),
    "SURF": (
        "도금·도장 라인의 품질 개선",
        ["아연 도금", "아노다이징", "분체 도장", "버핑", "염수분무"],
        ["표면처리기술사"],
        ["MATL", "QUAL"],
    ),
    "MATL": (
        "소재 선정과 파손 원인 분석",
        ["파단면 분석", "SUS304", "피로 파괴", "부식", "미세조직"],
        ["금속재료기술사"],
        ["HEAT", "NDT"],
    ),
    "NDT": (
        "초음파·방사선 비파괴검사",
        ["UT", "PAUT", "RT", "MT·PT", "검사 절차서"],
        ["비파괴검사기술사"],
        ["WELD", "QUAL"],
    ),
    "MACH": (
        "CNC 선반·밀링 가공 공정 개선",
        ["채터", "공구 수명", "진원도", "난삭재", "사이클 타임"],
        ["기계가공기능장"],
        ["TOOL", "QUAL"],
    ),
    "TOOL": (
        "공작기계 설계와 설비 정비",
        ["주축 베어링", "볼스크루", "진동 진단", "백래시", "정밀도 보정"],
        ["기계기술사"],
        ["MACH", "ELEC"],
    ),
    "MOLD": (
        "사출·프레스 금형 설계와 수리",
        ["사출 금형", "게이트 설계", "냉각 채널", "금형 마모", "버 발생"],
        ["금형기술사", "사출금형 명장"],
        ["FORM", "DESIGN"],
    ),
    "FLUID": (
        "유압 회로와 공압 설비 유지보수",
        ["유압 실린더", "씰 누유", "작동유 오염", "비례 밸브", "공압"],
        ["기계기술사"],
        ["TOOL", "AUTO"],
    ),
    "ELEC": (
        "전동기·인버터 설비 고장 진단",
        ["인버터", "서보 드라이브", "고조파", "역률 개선", "접지"],
        ["전기기술사"],
        ["AUTO", "TOOL"],
    ),
    "AUTO": (
        "자동화 라인과 로봇 셀 구축",
        ["PLC", "산업용 로봇", "비전 검사", "지그", "센서"],
        ["생산자동화기능장"],
        ["ELEC", "SMART"],
    ),
    "SMART": (
        "스마트공장 MES 구축과 데이터 활용",
        ["MES", "설비 데이터 수집", "예지보전", "IoT", "스마트공장 지원사업"],
        ["정보관리기술사"],
        ["AUTO", "QUAL"],
    ),
    "QUAL": (
        "품질경영 체계와 인증 대응",
        ["IATF 16949", "SPC", "MSA", "3차원 측정", "고객 클레임"],
        ["품질관리기술사"],
        ["SMART", "NDT"],
    ),
    "DESIGN": (
        "기계설계와 구조 해석",
        ["GD&T", "FEM 해석", "피로 수명", "경량화", "CAD 도면"],
        ["기계기술사"],
        ["MOLD", "TOOL"],
    ),
    "H2": (
        "수소 충전소·고압 설비 설계 검사",
        ["수소 충전소", "고압 용기", "KGS 코드", "수소 취성", "배관"],
        ["가스기술사"],
        ["MATL", "SAFE"],
    ),
    "DEFAERO": (
        "방산·항공 부품 품질보증",
        ["AS9100", "NADCAP", "국방 규격", "특수공정", "FAI"],
        ["항공기술사"],
        ["QUAL", "MACH"],
    ),
    "SAFE": (
        "산업안전과 환경 관리",
        ["위험성 평가", "중대재해처벌법", "끼임 방지", "작업환경 측정", "화학물질"],
        ["산업안전지도사"],
        ["QUAL", "H2"],
    ),
    "BIZ": (
        "창업기업 사업화와 투자 유치 지원",
        ["사업계획서", "IR", "투자 유치", "시제품", "정부 지원사업"],
        ["경영지도사", "공인회계사"],
        ["IP", "EXPORT"],
    ),
    "IP": (
        "특허 출원과 분쟁 대응",
        ["특허 출원", "선행기술 조사", "회피 설계", "상표", "직무발명"],
        ["변리사"],
        ["BIZ", "DESIGN"],
    ),
    "EXPORT": (
        "수출 마케팅과 해외 인증",
        ["해외 바이어", "CE 인증", "FTA 원산지", "수출 계약", "해외 전시회"],
        ["국제무역사"],
        ["BIZ", "QUAL"],
    ),
}


def build_rows(rng: random.Random, per_field: int = 2) -> list[dict]:
    rows, used = [], set()
    number = 0
    for code, (work, keywords, certificates, related) in PROFILES.items():
        for _ in range(per_field):
            number += 1
            while True:
                name = rng.choice(SURNAMES) + rng.choice(GIVEN)
                if name not in used:
                    used.add(name)
                    break
            years = rng.randint(15, 36)
            employer = rng.choice(EMPLOYERS)
            title = "변리사" if code == "IP" else rng.choice(TITLES)
            fields = [code, *rng.sample(related, k=rng.randint(0, 2))]
            rows.append(
                {
                    "roster_id": f"D{number:03d}",
                    "name": name,
                    "title": title,
                    "field_codes": fields,
                    "career": (
                        f"{employer}에서 {years}년간 {work}을(를) 맡았다. "
                        f"현장 작업자와 함께 문제를 재현하고 원인을 찾아 표준으로 만드는 일을 해 왔으며, "
                        f"지금은 마이스터센터에서 중소기업의 {keywords[0]}·{keywords[1]} 관련 애로를 상담한다."
                    ),
                    "keywords": rng.sample(keywords, k=4),
                    "certificates": rng.sample(certificates, k=1),
                    "weekdays": "".join(sorted(rng.sample("01234", k=rng.choice([1, 2, 2, 3])))),
                }
            )
    return rows


def seed(*, rng: random.Random, actor=None, per_field: int = 2) -> list:
    return [save_meister(actor=actor, **row) for row in build_rows(rng, per_field)]
