"""Fictional demo companies spread over the industries of the Changwon national industrial complex."""

import datetime
import random

from .models import Company, District, Industry, OrgType, SizeClass
from .validators import brn_check_digit

PREFIXES = [
    "창원",
    "성산",
    "대원",
    "한빛",
    "동양",
    "삼우",
    "신화",
    "태광",
    "경남",
    "세진",
    "우진",
    "대성",
    "일진",
    "금강",
    "한솔",
    "보광",
    "청운",
    "동진",
    "새한",
    "명성",
    "가야",
    "남해",
    "무학",
    "웅남",
    "대산",
    "봉암",
    "팔용",
    "진해",
    "용호",
    "상남",
    "한결",
    "미래",
    "푸른",
    "한국",
    "정우",
    "효성",
]
# KSIC code: (weight, name suffixes)
INDUSTRIES = {
    "291": (16, ["기계", "정밀", "엔지니어링"]),
    "292": (10, ["중공업", "기계", "테크"]),
    "303": (16, ["오토텍", "모터스", "부품"]),
    "25": (14, ["금속", "메탈", "산업"]),
    "28": (8, ["전기", "일렉트릭", "파워"]),
    "243": (5, ["주물", "캐스팅"]),
    "241": (3, ["철강", "스틸"]),
    "311": (8, ["조선", "마린", "해양"]),
    "313": (5, ["에어로", "항공"]),
    "26": (6, ["전자", "디스플레이"]),
    "22": (5, ["화학", "플라텍"]),
    "20": (2, ["케미칼"]),
    "27": (3, ["계측", "옵틱스"]),
    "34": (3, ["설비", "서비스"]),
    "62": (3, ["소프트", "데이터"]),
    "72": (3, ["엔지니어링"]),
}
STREETS = {
    District.SEONGSAN: ["웅남로", "공단로", "완암로", "성주로", "중앙대로"],
    District.UICHANG: ["팔룡로", "창원대로", "차룡로", "의창대로"],
    District.MASANHAPPO: ["해안대로", "수출자유로", "봉암공단로"],
    District.MASANHOEWON: ["내서로", "봉암북7길", "양덕로"],
    District.JINHAE: ["남문로", "진해대로", "웅천로"],
}


def _brn(rng: random.Random, used: set[str]) -> str:
    while True:
        head = f"{rng.randint(101, 899)}{rng.choice(['81', '86', '87', '88'])}{rng.randint(0, 9999):04d}"
        brn = head + str(brn_check_digit(head))
        if brn not in used:
            used.add(brn)
            return brn


def _size_and_type(rng: random.Random) -> tuple[str, str, int]:
    roll = rng.random()
    if roll < 0.12:
        return (
            SizeClass.MICRO,
            rng.choice([OrgType.STARTUP, OrgType.PRE_FOUNDER, OrgType.SME]),
            rng.randint(1, 9),
        )
    if roll < 0.25:
        return SizeClass.SME, OrgType.STARTUP, rng.randint(3, 40)
    if roll < 0.92:
        return SizeClass.SME, OrgType.SME, rng.randint(10, 280)
    return SizeClass.MIDSIZE, OrgType.MIDSIZE, rng.randint(300, 900)


def seed(*, rng: random.Random, count: int = 220) -> list[Company]:
    industries = {i.code: i for i in Industry.objects.all()}
    codes = list(INDUSTRIES)
    weights = [INDUSTRIES[c][0] for c in codes]
    used_brn: set[str] = set()
    used_names: set[str] = set()
    companies = []
    for _ in range(count):
        code = rng.choices(codes, weights)[0]
        while True:
            name = rng.choice(PREFIXES) + rng.choice(INDUSTRIES[code][1])
            name = rng.choice(["(주)", "", "주식회사 "]) + name if rng.random() < 0.7 else name
            if name not in used_names:
                used_names.add(name)
                break
        size, org_type, employees = _size_and_type(rng)
        district = rng.choices(list(STREETS), [40, 20, 15, 12, 13])[0]
        founded = datetime.date(rng.randint(1978, 2025), rng.randint(1, 12), rng.randint(1, 28))
        if org_type in {OrgType.STARTUP, OrgType.PRE_FOUNDER}:
            founded = datetime.date(rng.randint(2019, 2026), rng.randint(1, 10), rng.randint(1, 28))
        companies.append(
            Company(
                name=name,
                brn=_brn(rng, used_brn),
                representative=rng.choice("김이박최정강조윤장임")
                + rng.choice(["민수", "정호", "영희", "성진", "우현", "지영"]),
                industry=industries[code],
                size_class=size,
                org_type=org_type,
                district=district,
                address=f"경상남도 {District(district).label} {rng.choice(STREETS[district])} {rng.randint(1, 480)}",
                phone=f"+8255{rng.randint(200, 299)}{rng.randint(1000, 9999)}",
                employees=employees,
                founded_on=founded,
            )
        )
    return Company.objects.bulk_create(companies)
