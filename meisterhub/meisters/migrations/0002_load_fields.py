"""The 23-field taxonomy as it was when this migration was written (meisters/data/fields.tsv):
frozen here, so a later edit of that file or of taxonomy.py cannot change what this step wrote."""

from django.db import migrations

FIELDS = [  # (code, name_ko, name_en, scope), in display order
    (
        'STEEL',
        '제강·제선',
        'Steelmaking',
        '전기로·전로 제강, 정련, 연속주조, 래들·턴디시, 슬래그, 탈황·탈가스, 잉곳',
    ),
    (
        'CAST',
        '주조',
        'Casting',
        '사형·정밀·다이캐스팅, 주물 결함(기공·수축공·탕경), 주형·중자, 용탕 처리',
    ),
    (
        'FORM',
        '단조·소성가공·프레스',
        'Forging and forming',
        '열간·냉간 단조, 압연, 인발, 프레스 성형, 판금, 스프링백, 금형 수명 외 성형 조건',
    ),
    (
        'WELD',
        '용접',
        'Welding',
        '아크·TIG·MIG/MAG·레이저·마찰교반 용접, WPS/PQR, 용접 변형·균열, 용접사 자격, 이종 용접',
    ),
    (
        'HEAT',
        '열처리',
        'Heat treatment',
        '담금질·뜨임·풀림, 침탄·질화, 고주파 열처리, 경도 불균일, 열처리 변형, 노 관리',
    ),
    (
        'SURF',
        '표면처리·도금·도장',
        'Surface treatment',
        '전기·무전해 도금, 아노다이징, 도장, 용사, 코팅, 방청, 표면 조도 외 외관 결함',
    ),
    (
        'MATL',
        '금속재료·파손분석',
        'Metallic materials',
        '강종·합금 선정, 기계적 성질, 미세조직, 파단면 분석, 부식 메커니즘, 소재 국산화·대체',
    ),
    (
        'NDT',
        '비파괴검사',
        'Non-destructive testing',
        'UT·PAUT·RT·MT·PT·ET, 검사 절차서, 판정 기준(KS·ASME), 검사원 자격, 내부 결함 검출',
    ),
    (
        'MACH',
        '기계가공·정밀가공',
        'Machining',
        'CNC 선반·밀링, 연삭, 절삭공구·조건, 공차·진원도, 채터, 난삭재 가공, 가공 시간 단축',
    ),
    (
        'TOOL',
        '공작기계·생산기계',
        'Machine tools and production machinery',
        '공작기계·산업기계 설계와 정비, 주축·볼스크루·베어링, 진동·소음, 설비 고장 진단, 정밀도 보정',
    ),
    (
        'MOLD',
        '금형',
        'Molds and dies',
        '사출 금형, 프레스 금형, 다이캐스팅 금형, 금형 냉각·게이트 설계, 금형 마모·수리',
    ),
    (
        'FLUID',
        '유공압',
        'Hydraulics and pneumatics',
        '유압 회로·펌프·밸브·실린더, 공압, 씰 누유, 작동유 오염, 압력 맥동',
    ),
    (
        'ELEC',
        '전기·모터·전력전자',
        'Electrical and drives',
        '전동기, 인버터, 서보 드라이브, 배전반, 전력 품질, 고조파, 접지, 전기 설비 고장',
    ),
    (
        'AUTO',
        '자동화·로봇·PLC',
        'Automation and robotics',
        'PLC 프로그래밍, 산업용 로봇, 비전 검사, 자동화 라인·지그, 센서·액추에이터 구성',
    ),
    (
        'SMART',
        '스마트공장·MES·데이터',
        'Smart factory and data',
        'MES·ERP 연동, 설비 데이터 수집, IoT, 생산 모니터링, 예지보전, AI 품질 예측, 스마트공장 지원사업',
    ),
    (
        'QUAL',
        '품질경영·인증',
        'Quality management',
        'ISO 9001·IATF 16949, SPC, 측정시스템 분석, 3차원 측정, 불량률 관리, 고객 클레임 대응, KS 인증',
    ),
    (
        'DESIGN',
        '기계설계·CAE',
        'Mechanical design and CAE',
        'CAD 도면, GD&T, 구조·열·유동 해석(FEM·CFD), 피로 수명, 경량화 설계, 설계 검증',
    ),
    (
        'H2',
        '수소·에너지·고압설비',
        'Hydrogen and energy equipment',
        '수소 충전·저장·연료전지 부품, 고압가스 용기·배관, KGS 코드, 압력용기 설계·검사, 수소 취성',
    ),
    (
        'DEFAERO',
        '방산·항공부품',
        'Defense and aerospace parts',
        'AS9100, NADCAP 특수공정, 국방 규격(KDS·MIL), 항공 부품 인증, 방산 품질보증 요구',
    ),
    (
        'SAFE',
        '산업안전·환경',
        'Safety and environment',
        '중대재해처벌법, 위험성 평가, 끼임·추락 방지, 화학물질 관리, 대기·폐수 배출, 작업환경 측정',
    ),
    (
        'BIZ',
        '창업·사업화·투자',
        'Startup and commercialization',
        '사업계획서, 비즈니스 모델, IR·투자 유치, 정부 지원사업 신청, 기술이전·사업화, 시제품 제작',
    ),
    (
        'IP',
        '특허·지식재산',
        'Intellectual property',
        '특허 출원·선행기술 조사, 특허 분쟁·회피 설계, 상표, 영업비밀, 직무발명',
    ),
    (
        'EXPORT',
        '수출·해외인증',
        'Export and certification',
        '해외 바이어 발굴, 수출 계약·통관, CE·UL·CCC 인증, 해외 전시회, 원산지 관리',
    ),
]


def forwards(apps, schema_editor):
    Field = apps.get_model("meisters", "Field")
    for order, (code, name_ko, name_en, scope) in enumerate(FIELDS, start=1):
        Field.objects.update_or_create(
            code=code,
            defaults={"name_ko": name_ko, "name_en": name_en, "scope": scope, "order": order},
        )


class Migration(migrations.Migration):
    dependencies = [("meisters", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
