import pytest

from meisterhub.matching.ranker import Matcher, MeisterProfile

ROSTER = [
    MeisterProfile(
        "M1",
        "김용접",
        "명장",
        ["WELD"],
        "조선소에서 30년간 CO2·TIG 용접을 했다.",
        ["TIG", "이종 용접", "용접 변형"],
    ),
    MeisterProfile(
        "M2",
        "이열처",
        "기술사",
        ["HEAT", "MATL"],
        "열처리 공장장으로 고주파·침탄을 맡았다.",
        ["고주파 열처리", "침탄", "담금질 균열"],
    ),
    MeisterProfile(
        "M3",
        "박도금",
        "기술사",
        ["SURF"],
        "도금 라인과 버핑 공정을 운영했다.",
        ["버핑", "무전해 니켈", "아노다이징"],
    ),
    MeisterProfile(
        "M4",
        "최유압",
        "기능장",
        ["FLUID", "TOOL"],
        "건설기계 유압 시험과 정비를 했다.",
        ["유압 실린더", "씰", "작동유 오염"],
    ),
    MeisterProfile(
        "M5",
        "정창업",
        "투자전문가",
        ["BIZ"],
        "벤처캐피탈 심사역으로 일했다.",
        ["IR", "투자유치", "사업계획서"],
    ),
    MeisterProfile(
        "M6",
        "한재료",
        "연구원",
        ["MATL", "WELD"],
        "파손분석과 부식 연구를 했다.",
        ["파단면 분석", "응력부식균열"],
    ),
]


@pytest.fixture(scope="session")
def matcher() -> Matcher:
    return Matcher(ROSTER)
