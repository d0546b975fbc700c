"""How an application's history reads for its applicant (core/history_text.py)."""

LABELS = {
    "programs.application.created": "신청서 작성 시작",
    "programs.application.saved": "임시 저장",
    "programs.application.document_uploaded": "서류 올림",
    "programs.application.submitted": "제출",
    "programs.application.resubmitted": "보완 서류 제출",
    "programs.application.withdrawn": "신청 취소",
    "programs.application.screened": "서류검토 통과",
    "programs.application.supplement_requested": "보완 요청",
    "programs.application.selected": "선정",
    "programs.application.not_selected": "미선정",
}
