"""Ranking behaviour on clear cases, reasons, and hostile input. No database."""

import time

import pytest

from meisterhub.matching.lexicon import get_taxonomy
from meisterhub.matching.ranker import Matcher, MatchResult


def codes(result: MatchResult) -> list[str]:
    return [f.code for f in result.fields]


def test_taxonomy_comes_from_the_repo_file():
    fields = get_taxonomy()
    assert len(fields) == 23
    assert fields[0].code == "STEEL" and fields[-1].code == "EXPORT"
    assert all(f.name_ko and f.name_en and f.scope for f in fields)


@pytest.mark.parametrize(
    ("text", "expected", "within"),
    [
        ("SCM440 기어가 고주파 후 크랙", "HEAT", 3),
        ("유압 프레스 실린더에서 기름이 샘", "FLUID", 1),
        ("빠우 작업 후 광이 안나요", "SURF", 1),
        ("ㅠㅠ 급해요 용졉 비드에 언더컷이 생겨요", "WELD", 1),
        ("사출품에 웰드라인이 보여요", "MOLD", 1),
        ("경쟁사가 특허 침해 경고장을 보냈어요", "IP", 1),
        ("CE 마킹 받아서 유럽에 수출하고 싶어요", "EXPORT", 1),
        ("중대재해처벌법 대응으로 위험성평가를 해야 합니다", "SAFE", 1),
    ],
)
def test_clear_cases(matcher: Matcher, text, expected, within):
    assert expected in codes(matcher.rank(text))[:within]


def test_all_fields_returned_best_first(matcher: Matcher):
    result = matcher.rank("아노다이징 색상이 달라요")
    assert sorted(codes(result)) == sorted(f.code for f in get_taxonomy())
    scores = [f.score for f in result.fields]
    assert scores == sorted(scores, reverse=True) and scores[0] == 1.0
    assert result.message is None


def test_startup_prior_does_not_override_a_technical_problem(matcher: Matcher):
    assert codes(matcher.rank("용접 부위에 크랙이 생겨요 TIG로 붙였어요", "스타트업"))[0] == "WELD"
    assert codes(matcher.rank("제품을 어떻게 팔아야 할지 막막합니다", "예비창업자"))[0] == "BIZ"


def test_settled_clause_weighs_less(matcher: Matcher):
    text = "초음파 검사 결과는 확실하니, 용접 개선 각도와 루트 간격을 바꾸고 싶습니다"
    assert codes(matcher.rank(text))[0] == "WELD"


def test_field_reason_mentions_matched_words(matcher: Matcher):
    top = matcher.rank("빠우 작업 후 광택이 안나요").fields[0]
    assert top.code == "SURF"
    assert "‘빠우’(버핑)" in top.reason and "표면처리" in top.reason


def test_meisters_follow_fields_and_keywords(matcher: Matcher):
    result = matcher.rank("SCM440 기어가 고주파 열처리 후 크랙")
    assert result.meisters[0].id == "M2"
    assert "열처리" in result.meisters[0].reason and "고주파 열처리" in result.meisters[0].reason
    fluid = matcher.rank("유압 실린더 누유", top_meisters=2)
    assert [m.id for m in fluid.meisters][:1] == ["M4"] and len(fluid.meisters) == 2


def test_tokens_show_normalised_slang(matcher: Matcher):
    assert "빠우→버핑" in matcher.rank("빠우 작업").tokens


@pytest.mark.parametrize(
    "text", ["", "   ", "!!!???", "😀😀😀", "ㅋㅋㅋ", None, "Hello, how are you?", "你好，我想咨询"]
)
def test_nothing_to_match_gives_message_and_neutral_order(matcher: Matcher, text):
    result = matcher.rank(text)
    assert result.message
    assert codes(result) == [f.code for f in get_taxonomy()]
    assert all(f.score == 0 for f in result.fields)


def test_other_language_gets_its_own_message(matcher: Matcher):
    assert matcher.rank("溶接の割れ").message != matcher.rank("!!!").message


def test_long_input_is_truncated_and_fast(matcher: Matcher):
    text = "어제 회의를 했습니다. " * 1500 + "용접 균열"
    matcher.rank("워밍업")
    start = time.perf_counter()
    result = matcher.rank(text)
    assert time.perf_counter() - start < 1.0
    assert len(result.fields) == 23


def test_html_is_treated_as_text_and_never_echoed(matcher: Matcher):
    result = matcher.rank('<script>alert("x")</script><b>용접</b> 균열 <img src=x onerror=1>')
    assert result.fields[0].code == "WELD"
    shown = [f.reason for f in result.fields] + [m.reason for m in result.meisters] + result.tokens
    assert not any(c in s for s in shown for c in "<>")


def test_odd_arguments_do_not_raise(matcher: Matcher):
    assert len(matcher.rank("용접", org_type="알수없음", top_meisters=0).meisters) == 0
    assert len(matcher.rank("용접", org_type=None, top_meisters=100).meisters) == 6
    assert matcher.rank(12345).fields
    assert len(matcher.rank("용접", org_type=3, top_meisters="x").meisters) == 6
