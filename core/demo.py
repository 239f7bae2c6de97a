"""A provisional 2027 calendar for the demo, so that deadlines filed today (which run into 2027)
can be computed. chinesecalendar 1.11 stops at 2026 and the State Council's 2027 notice is not in
it. This enters only the statutory holidays of 全国年节及纪念日放假办法 (2024 revision) on their
2027 dates, without make-up workdays: a real deployment replaces it with the official notice
(`manage.py set_calendar_year 2027 ...`)."""

import datetime as dt

from core.models import CalendarYear
from core.workdays import set_year

D = dt.date
NOTE = "演示数据：2027年仅含法定节假日，未含调休，待国务院办公厅通知发布后更正"
STATUTORY_2027 = [
    D(2027, 1, 1),  # 元旦
    D(2027, 2, 5), D(2027, 2, 6), D(2027, 2, 7), D(2027, 2, 8),  # 春节: 除夕 to 初三 (lunar new year 2027-02-06)
    D(2027, 4, 5),  # 清明
    D(2027, 5, 1), D(2027, 5, 2),  # 劳动节
    D(2027, 6, 9),  # 端午
    D(2027, 9, 15),  # 中秋
    D(2027, 10, 1), D(2027, 10, 2), D(2027, 10, 3),  # 国庆节
]


def seed(stdout):
    if CalendarYear.objects.filter(year=2027).exists():
        return
    set_year(2027, holidays=STATUTORY_2027, workdays=[], note=NOTE, provisional=True)
    stdout.write("Demo calendar: 2027 statutory holidays entered (provisional, no make-up days).")
