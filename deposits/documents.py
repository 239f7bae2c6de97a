"""The deposit's printable documents (core.pdf, Chinese whatever the UI language):

- 农民工工资保证金缴存通知书: the deposit notice, with the amount, the rate and every rule applied;
- 农民工工资保证金支付通知书: the payment notice to the bank after an approved draw (65号 Art. 14);
- 农民工工资保证金返还（销户）确认书: the return confirmation (65号 Art. 22).
"""

from decimal import Decimal

from django.utils import timezone

from core.formats import percent, yuan
from core.pdf import Document, cn_date
from core.workdays import provisional_note_zh

from .choices import BANK_PAY_WORKDAYS, STORE_WORKDAYS, TOPUP_WORKDAYS


def _number(prefix: str, pk: int, day) -> str:
    return f"{prefix}〔{day.year}〕{pk:05d}号"


def deposit_notice(deposit) -> bytes:
    project = deposit.project
    doc = Document("农民工工资保证金缴存通知书", _number("兰人社保金", deposit.pk, deposit.assessed_on))
    doc.para(f"{deposit.enterprise.name}：", indent=False)
    if deposit.adjustment == "exempt":
        doc.para(f"你单位承建的{project.name}（项目编号 {project.code}），经按下列规则核定，免予缴存农民工工资保证金。")
    else:
        doc.para(f"你单位承建的{project.name}（项目编号 {project.code}），根据《保障农民工工资支付条例》第三十二条和"
                 f"《工程建设领域农民工工资保证金规定》（人社部发〔2021〕65号），应缴存农民工工资保证金"
                 f"{yuan(deposit.required_amount)}（{percent(deposit.rate)}）。请于{cn_date(deposit.due_on)}前"
                 f"（{STORE_WORKDAYS}个工作日内）在项目所在地银行专户存储，或提交不低于该金额的银行保函或工程保证保险。"
                 f"{provisional_note_zh(deposit.due_on)}")
    doc.field("合同金额", yuan(project.contract_amount))
    doc.field("计算基数", yuan(deposit.base_amount))
    doc.field("适用规则", f"{deposit.policy.name}（{deposit.policy.citation}）")
    doc.para("核定依据：", indent=False)
    doc.table(["规则", "依据"], [[line["text"], line["citation"]] for line in deposit.explanation], [0.68, 0.32])
    doc.para("保证金专款专用，仅用于支付本项目拖欠的农民工工资。利息归你单位所有。")
    doc.signature(deposit.assessed_on)
    return doc.render()


def payment_notice(approval) -> bytes:
    deposit = approval.deposit
    day = timezone.localdate(approval.decided_at) if approval.decided_at else None
    doc = Document("农民工工资保证金支付通知书", _number("兰人社保付", approval.pk, day or deposit.assessed_on))
    doc.para(f"{deposit.guarantor or deposit.bank_name}：", indent=False)
    doc.para(f"{deposit.enterprise.name}承建的{deposit.project.name}拖欠农民工工资，经本机关作出限期支付决定"
             f"（{approval.case_ref}，期限{cn_date(approval.order_deadline)}），该单位逾期未支付。根据人社部发〔2021〕65号"
             f"第十四条，本机关决定动用该项目农民工工资保证金{yuan(approval.amount)}。请你行于收到本通知书后"
             f"{BANK_PAY_WORKDAYS}个工作日内（{cn_date(approval.bank_pay_by)}前），将下列款项直接支付至农民工本人账户。"
             f"{provisional_note_zh(approval.bank_pay_by)}")
    if deposit.guarantee_number:
        doc.field("保函编号", deposit.guarantee_number)
    doc.table(["序号", "姓名", "金额"],
              [[i, p["name"], yuan(Decimal(p["amount"]))] for i, p in enumerate(approval.payees, start=1)],
              [0.15, 0.5, 0.35])
    doc.field("合计", f"{yuan(approval.amount)}（{approval.workers}人）")
    doc.para(f"施工总承包单位应于动用之日起{TOPUP_WORKDAYS}个工作日内补足保证金。")
    doc.signature(day)
    return doc.render()


def return_confirmation(deposit) -> bytes:
    approval = deposit.approvals.filter(kind="return", status="approved").order_by("-decided_at").first()
    doc = Document("农民工工资保证金返还（销户）确认书",
                   _number("兰人社保返", deposit.pk, deposit.returned_on or deposit.assessed_on))
    doc.para(f"{deposit.guarantor or deposit.bank_name}、{deposit.enterprise.name}：", indent=False)
    what = "保函原件" if deposit.is_guarantee else "保证金专户资金"
    doc.para(f"{deposit.project.name}已竣工，施工总承包单位已书面承诺无拖欠农民工工资，并于"
             f"{cn_date(deposit.publicity_from)}至{cn_date(deposit.publicity_until)}公示30日。经审核（审核日期"
             f"{cn_date(deposit.reviewed_on)}），该项目无拖欠农民工工资。根据人社部发〔2021〕65号第二十二条，"
             f"确认返还{what}，请银行解除监管。")
    doc.field("返还金额", yuan(approval.amount if approval else Decimal("0.00")))
    doc.field("保函编号" if deposit.is_guarantee else "专户账号",
              deposit.guarantee_number if deposit.is_guarantee else deposit.account_number)
    doc.signature(deposit.returned_on)
    return doc.render()
