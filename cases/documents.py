"""PDF documents generated from the case data: the acceptance notice (受理通知书), the rectification order
(劳动保障监察限期改正指令书) and the case-closing record (结案记录).

Built on core.pdf (an embedded TrueType CJK font, so every reader shows the same glyphs). Documents are in
Chinese whatever the UI language: they are official papers served in China.
"""

from django.utils import timezone

from core.formats import yuan
from core.pdf import Document, cn_date
from core.workdays import provisional_note_zh


def acceptance_notice(complaint) -> bytes:
    """受理通知书 (若干规定 Art. 18): the complaint is accepted and the case filed."""
    doc = Document("劳动保障监察投诉受理通知书", complaint.tracking_number)
    doc.para(f"{complaint.complainant_name or '投诉人'}：", indent=False)
    doc.para(f"你于{cn_date(complaint.received_on)}反映{complaint.employer_name}拖欠工资一事，经审查，符合"
             "《关于实施〈劳动保障监察条例〉若干规定》第十八条规定的受理条件，本机关决定予以受理，并已立案调查。")
    if complaint.case_id:
        doc.field("案件编号", complaint.case.number)
    doc.field("涉及人数", complaint.workers_count)
    doc.field("反映金额", yuan(complaint.amount_owed))
    doc.para("你可凭投诉编号及登记手机号码后四位查询办理进度。")
    doc.signature(timezone.localdate(complaint.decided_at) if complaint.decided_at else complaint.received_on)
    return doc.render()


def rectification_order(order) -> bytes:
    """劳动保障监察限期改正指令书: the 2013 interpretation's "order to pay", with its deadline and service."""
    case = order.case
    doc = Document("劳动保障监察限期改正指令书", order.number)
    doc.para(f"{case.employer_name}：", indent=False)
    doc.para(f"经调查，你单位存在拖欠{order.workers}名劳动者工资的违法行为。根据《劳动保障监察条例》第二十六条"
             f"和《保障农民工工资支付条例》的规定，责令你单位于{cn_date(order.deadline)}前（{order.workdays}个工作日内）"
             f"支付劳动者工资{yuan(order.amount)}，并将改正情况书面报告本机关。"
             f"{provisional_note_zh(order.issued_on, order.deadline)}")
    doc.para(f"整改要求：{order.requirements}")
    doc.para("逾期不支付的，本机关将依法责令你单位按应付金额百分之五十以上一倍以下的标准加付赔偿金；"
             "数额较大、经责令支付仍不支付的，将依照《中华人民共和国刑法》第二百七十六条之一移送公安机关。")
    doc.field("送达日期", cn_date(order.served_on))
    doc.field("送达方式", order.get_service_method_display())
    doc.signature(order.issued_on)
    return doc.render()


def closing_record(case) -> bytes:
    """结案记录: what the case found, recovered and decided."""
    doc = Document("劳动保障监察案件结案记录", case.number)
    doc.field("用人单位", case.employer_name)
    doc.field("立案日期", cn_date(case.filed_on))
    doc.field("结案日期", cn_date(case.closed_on))
    doc.field("案件状态", case.get_status_display())
    doc.field("处理结果", case.get_outcome_display() if case.outcome else "撤销立案")
    doc.field("涉及人数", case.workers_owed)
    doc.field("拖欠金额", yuan(case.amount_owed))
    doc.field("追发工资", f"{yuan(case.recovered_amount)}（{case.recovered_workers}人）")
    if case.compensation_amount is not None:
        doc.field("加付赔偿金", yuan(case.compensation_amount))
    names = "、".join(a.inspector.name or a.inspector.username for a in case.assignments.all() if not a.recused)
    doc.field("承办监察员", names)
    doc.para(f"结案意见：{case.closing_summary}", indent=False)
    doc.signature(case.closed_on)
    return doc.render()
