"""The starting item list of the double-random spot checks (随机抽查事项清单, domain.md §8 item 3): the matters of
《劳动保障监察条例》第十一条 that concern wages first. The city adjusts the list in the admin."""

from django.db import migrations

ITEMS = [
    (
        "工资支付情况",
        "《保障农民工工资支付条例》第十一条、第十二条；《劳动保障监察条例》第十一条第（五）项",
        "是否以货币形式按时足额支付工资；工资支付台账和工资支付凭证；是否低于最低工资标准",
        "书面审查、现场检查、询问劳动者",
    ),
    (
        "工程建设领域工资支付专项制度",
        "《保障农民工工资支付条例》第二十六条、第二十八条、第三十二条",
        "农民工工资专用账户、实名制管理、工资保证金、维权信息告示牌",
        "现场检查、调阅资料",
    ),
    (
        "劳动合同签订情况",
        "《劳动合同法》第十条、第八十二条；《劳动保障监察条例》第十一条第（四）项",
        "是否依法订立书面劳动合同，合同条款是否完备",
        "书面审查、抽查劳动合同",
    ),
    (
        "工作时间和休息休假",
        "《劳动法》第三十六条、第四十一条；《劳动保障监察条例》第十一条第（五）项",
        "工作时间、延长工作时间及加班工资支付情况",
        "书面审查、询问劳动者",
    ),
    (
        "社会保险参保缴费情况",
        "《社会保险法》第五十八条、第六十条；《劳动保障监察条例》第十一条第（七）项",
        "是否依法办理社会保险登记并足额缴纳社会保险费",
        "书面审查、比对参保数据",
    ),
]


def seed(apps, schema_editor):
    InspectionItem = apps.get_model("inspections", "InspectionItem")
    for order, (matter, basis, content, method) in enumerate(ITEMS, start=1):
        InspectionItem.objects.get_or_create(
            matter=matter, defaults={"legal_basis": basis, "content": content, "method": method, "sort_order": order}
        )


class Migration(migrations.Migration):
    dependencies = [("inspections", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
