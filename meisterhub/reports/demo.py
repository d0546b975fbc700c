"""About 150 fictional skilled workers of the Changwon region, with certificates and consents.

The annual report is not seeded: staff build it on demand from the dashboard.
"""

import random
from datetime import timedelta

from django.utils import timezone

from meisterhub.companies.models import District

from .workers import CertificateData, level_of, register_skilled_worker

SURNAMES = "김이박최정강조윤장임한오서신권황안송류홍전고문양손배"
GIVEN = ["동수", "상민", "영철", "정호", "기현", "성훈", "재석", "명호", "현철", "광수", "태영",
         "승민", "병수", "종혁", "대식", "용철", "인호", "창수", "만호", "진석", "경민", "미숙",
         "은희", "수정", "지은", "혜진", "순영", "옥자"]
# field code -> certificates people in that trade hold, lowest first
TRADES = {
    "WELD": ["용접기능사", "용접산업기사", "용접기사", "용접기능장", "용접기술사"],
    "CAST": ["주조기능사", "주조산업기사", "주조기능장", "금속재료기술사"],
    "FORM": ["금형기능사", "사출금형산업기사", "금형기능장"],
    "STEEL": ["제강기능사", "금속재료산업기사", "금속재료기사", "금속제련기술사"],
}
PURPOSE = "기능인력 DB 등록 및 멘토·강사 연계 안내"


def _certificates(rng, names) -> list[CertificateData]:
    count = rng.choice([1, 1, 2, 2, 3])
    top = rng.randrange(len(names))
    chosen = names[max(0, top - count + 1): top + 1]
    year = rng.randint(1992, 2010)
    result = []
    for name in chosen:
        result.append(CertificateData(level_of(name), name, year))
        year += rng.randint(2, 6)
    return result


def seed(*, rng: random.Random, companies=None, meisters=None, staff=None, count: int = 150):
    actor = staff[0] if isinstance(staff, list | tuple) else staff
    from meisterhub.meisters.selectors import field_codes

    codes = field_codes()
    trades = {code: names for code, names in TRADES.items() if code in codes}
    if not trades or actor is None:
        return []
    today = timezone.localdate()
    districts = [d for d in District.values if d != "other"]
    workers = []
    for n in range(count):
        code = rng.choice(list(trades))
        certificates = _certificates(rng, trades[code])
        if rng.random() < 0.08:
            certificates.append(CertificateData(level_of("대한민국명장"), "대한민국명장",
                                                rng.randint(2012, 2023)))
        birth_year = rng.randint(1955, 1995)
        given_on = today - timedelta(days=rng.randint(1, 700))
        extra = [c for c in codes if c != code and rng.random() < 0.05][:1]
        workers.append(register_skilled_worker(
            actor=actor,
            data={
                "name": rng.choice(SURNAMES) + rng.choice(GIVEN), "birth_year": birth_year,
                "phone": f"010-{rng.randint(2000, 5900)}-{n:04d}",  # 597x-599x are unassigned
                "email": f"skilled{n:03d}@demo.meisterhub.kr" if rng.random() < 0.7 else "",
                "district": rng.choice(districts),
                "years_of_experience": max(1, min(45, today.year - birth_year - 20
                                                  - rng.randint(0, 8))),
                "willing_to_mentor": rng.random() < 0.45, "willing_to_teach": rng.random() < 0.3,
                "consent_given_on": given_on, "consent_purpose": PURPOSE,
                "consent_expires_on": given_on + timedelta(days=365 * 3),
            },
            field_codes=[code, *extra], certificates=certificates,
        ))
    return workers
