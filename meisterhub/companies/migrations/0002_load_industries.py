"""The KSIC industry codes as they were when this migration was written (companies/data/ksic.tsv):
frozen here, so a later edit of that file or its loader cannot change what this step wrote."""

from django.db import migrations

INDUSTRIES = [  # (code, name)
    ('10', '식료품 제조업'),
    ('11', '음료 제조업'),
    ('12', '담배 제조업'),
    ('13', '섬유제품 제조업; 의복 제외'),
    ('14', '의복, 의복 액세서리 및 모피제품 제조업'),
    ('15', '가죽, 가방 및 신발 제조업'),
    ('16', '목재 및 나무제품 제조업; 가구 제외'),
    ('17', '펄프, 종이 및 종이제품 제조업'),
    ('18', '인쇄 및 기록매체 복제업'),
    ('19', '코크스, 연탄 및 석유정제품 제조업'),
    ('20', '화학 물질 및 화학제품 제조업; 의약품 제외'),
    ('21', '의료용 물질 및 의약품 제조업'),
    ('22', '고무 및 플라스틱제품 제조업'),
    ('23', '비금속 광물제품 제조업'),
    ('24', '1차 금속 제조업'),
    ('241', '1차 철강 제조업'),
    ('242', '1차 비철금속 제조업'),
    ('243', '금속 주조업'),
    ('25', '금속 가공제품 제조업; 기계 및 가구 제외'),
    ('251', '구조용 금속제품, 탱크 및 증기발생기 제조업'),
    ('259', '기타 금속 가공제품 제조업'),
    ('26', '전자 부품, 컴퓨터, 영상, 음향 및 통신장비 제조업'),
    ('27', '의료, 정밀, 광학 기기 및 시계 제조업'),
    ('28', '전기장비 제조업'),
    ('281', '전동기, 발전기 및 전기 변환·공급·제어 장치 제조업'),
    ('29', '기타 기계 및 장비 제조업'),
    ('291', '일반 목적용 기계 제조업'),
    ('292', '특수 목적용 기계 제조업'),
    ('30', '자동차 및 트레일러 제조업'),
    ('303', '자동차 신품 부품 제조업'),
    ('31', '기타 운송장비 제조업'),
    ('311', '선박 및 보트 건조업'),
    ('313', '항공기, 우주선 및 부품 제조업'),
    ('319', '그 외 기타 운송장비 제조업'),
    ('32', '가구 제조업'),
    ('33', '기타 제품 제조업'),
    ('34', '산업용 기계 및 장비 수리업'),
    ('35', '전기, 가스, 증기 및 공기 조절 공급업'),
    ('46', '도매 및 상품 중개업'),
    ('58', '출판업'),
    ('62', '컴퓨터 프로그래밍, 시스템 통합 및 관리업'),
    ('70', '연구개발업'),
    ('71', '전문 서비스업'),
    ('72', '건축 기술, 엔지니어링 및 기타 과학기술 서비스업'),
]


def forwards(apps, schema_editor):
    Industry = apps.get_model("companies", "Industry")
    for code, name in INDUSTRIES:
        Industry.objects.update_or_create(code=code, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("companies", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
