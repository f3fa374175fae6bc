<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ur_PK" sourcelanguage="en">
<context>
    <name>ahtc</name>
    <message>
        <source>%s records</source>
        <translation>%s ریکارڈ</translation>
    </message>
    <message>
        <source>(PKR)</source>
        <translation>(روپے)</translation>
    </message>
    <message>
        <source>(deleted record)</source>
        <translation>(حذف شدہ ریکارڈ)</translation>
    </message>
    <message>
        <source>AHTC Register</source>
        <translation>اے ایچ ٹی سی رجسٹر</translation>
    </message>
    <message>
        <source>Absconding</source>
        <translation>مفرور</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>منظور</translation>
    </message>
    <message>
        <source>Accused</source>
        <translation>ملزم</translation>
    </message>
    <message>
        <source>Acquitted</source>
        <translation>بری</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>کارروائی</translation>
    </message>
    <message>
        <source>Action taken</source>
        <translation>کی گئی کارروائی</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>فعال</translation>
    </message>
    <message>
        <source>Add officer…</source>
        <translation>افسر شامل کریں…</translation>
    </message>
    <message>
        <source>Add: %s</source>
        <translation>شامل کریں: %s</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>پتہ</translation>
    </message>
    <message>
        <source>Advisory shown</source>
        <translation>عوامی انتباہ آویزاں</translation>
    </message>
    <message>
        <source>Age (years)</source>
        <translation>عمر (سال)</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>ایجنٹ</translation>
    </message>
    <message>
        <source>Agent information</source>
        <translation>ایجنٹ کے بارے میں معلومات</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>معاہدہ</translation>
    </message>
    <message>
        <source>Agreement follow-ups</source>
        <translation>معاہدے کی نگرانی</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>عرفیت</translation>
    </message>
    <message>
        <source>All: %s</source>
        <translation>تمام: %s</translation>
    </message>
    <message>
        <source>Amount paid</source>
        <translation>ادا کی گئی رقم</translation>
    </message>
    <message>
        <source>Arrested</source>
        <translation>گرفتار</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>شرکاء</translation>
    </message>
    <message>
        <source>Attending</source>
        <translation>اسکول جا رہا ہے</translation>
    </message>
    <message>
        <source>Attending school</source>
        <translation>اسکول جا رہا ہے</translation>
    </message>
    <message>
        <source>B-form no.</source>
        <translation>ب فارم نمبر</translation>
    </message>
    <message>
        <source>Back at work</source>
        <translation>دوبارہ مشقت پر</translation>
    </message>
    <message>
        <source>Bonded labour</source>
        <translation>جبری مشقت</translation>
    </message>
    <message>
        <source>Brick kiln</source>
        <translation>اینٹوں کا بھٹہ</translation>
    </message>
    <message>
        <source>By air, forged documents</source>
        <translation>ہوائی راستہ، جعلی دستاویزات</translation>
    </message>
    <message>
        <source>CNIC</source>
        <translation>شناختی کارڈ نمبر</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>مقدمہ</translation>
    </message>
    <message>
        <source>Case status history</source>
        <translation>مقدمے کی کیفیت کی تاریخ</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>مقدمات</translation>
    </message>
    <message>
        <source>Cases by status</source>
        <translation>کیفیت کے لحاظ سے مقدمات</translation>
    </message>
    <message>
        <source>Challan</source>
        <translation>چالان</translation>
    </message>
    <message>
        <source>Change status…</source>
        <translation>کیفیت تبدیل کریں…</translation>
    </message>
    <message>
        <source>Changes not yet sent</source>
        <translation>تبدیلیاں جو ابھی نہیں بھیجی گئیں</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>بچہ</translation>
    </message>
    <message>
        <source>Child follow-up visits</source>
        <translation>بچوں کی نگرانی کے دورے</translation>
    </message>
    <message>
        <source>Child labour (kiln)</source>
        <translation>چائلڈ لیبر (بھٹہ)</translation>
    </message>
    <message>
        <source>Child labour (other)</source>
        <translation>چائلڈ لیبر (دیگر)</translation>
    </message>
    <message>
        <source>Child protection bureau</source>
        <translation>چائلڈ پروٹیکشن بیورو</translation>
    </message>
    <message>
        <source>Children found</source>
        <translation>ملنے والے بچے</translation>
    </message>
    <message>
        <source>Children withdrawn</source>
        <translation>نکالے گئے بچے</translation>
    </message>
    <message>
        <source>Choose from: %s</source>
        <translation>انتخاب کریں: %s</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>منتخب کریں…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>صاف کریں</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>بند کریں (Esc)</translation>
    </message>
    <message>
        <source>Close without saving?</source>
        <translation>محفوظ کیے بغیر بند کریں؟</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>بند</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>کالم</translation>
    </message>
    <message>
        <source>Committed rate per 1,000 bricks</source>
        <translation>طے شدہ اجرت فی ہزار اینٹ</translation>
    </message>
    <message>
        <source>Complainant</source>
        <translation>مدعی</translation>
    </message>
    <message>
        <source>Compliance</source>
        <translation>تعمیل</translation>
    </message>
    <message>
        <source>Compliance deadline</source>
        <translation>تعمیل کی آخری تاریخ</translation>
    </message>
    <message>
        <source>Compliant</source>
        <translation>تعمیل کی گئی</translation>
    </message>
    <message>
        <source>Convicted</source>
        <translation>سزا یافتہ</translation>
    </message>
    <message>
        <source>Country of incident</source>
        <translation>واقعے کا ملک</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>عدالت</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>اندراج</translation>
    </message>
    <message>
        <source>Created at</source>
        <translation>اندراج کا وقت</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>ڈیش بورڈ</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>تاریخ</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>تاریخ پیدائش</translation>
    </message>
    <message>
        <source>Date of departure</source>
        <translation>روانگی کی تاریخ</translation>
    </message>
    <message>
        <source>Date of incident</source>
        <translation>واقعے کی تاریخ</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>تاخیر کے دن</translation>
    </message>
    <message>
        <source>Deceased</source>
        <translation>فوت شدہ</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>مسترد</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Delete this record?</source>
        <translation>یہ ریکارڈ حذف کریں؟</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>حذف کریں…</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>محکمہ</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>تفصیل</translation>
    </message>
    <message>
        <source>Detained abroad</source>
        <translation>بیرون ملک زیر حراست</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>غیر فعال کریں</translation>
    </message>
    <message>
        <source>Disable %s? Their passphrase will no longer open the register.</source>
        <translation>%s کو غیر فعال کریں؟ ان کا پاس فریز اب رجسٹر نہیں کھولے گا۔</translation>
    </message>
    <message>
        <source>Distance and direction from the station</source>
        <translation>تھانے سے فاصلہ اور سمت</translation>
    </message>
    <message>
        <source>District</source>
        <translation>ضلع</translation>
    </message>
    <message>
        <source>District analyst</source>
        <translation>ضلعی تجزیہ کار</translation>
    </message>
    <message>
        <source>District server address</source>
        <translation>ضلعی سرور کا پتہ</translation>
    </message>
    <message>
        <source>Documented</source>
        <translation>درج شدہ</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>مسودہ</translation>
    </message>
    <message>
        <source>Dropped out</source>
        <translation>اسکول چھوڑ دیا</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>مقررہ تاریخ</translation>
    </message>
    <message>
        <source>EOBI registrations committed</source>
        <translation>ای او بی آئی رجسٹریشن کا وعدہ</translation>
    </message>
    <message>
        <source>EOBI registrations done</source>
        <translation>ای او بی آئی رجسٹریشن مکمل</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>تعلیم</translation>
    </message>
    <message>
        <source>Emigration fraud</source>
        <translation>امیگریشن فراڈ</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>داخل</translation>
    </message>
    <message>
        <source>Enrolment date</source>
        <translation>داخلے کی تاریخ</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>شہادت</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>میعاد ختم</translation>
    </message>
    <message>
        <source>FIA</source>
        <translation>ایف آئی اے</translation>
    </message>
    <message>
        <source>FIR date</source>
        <translation>ایف آئی آر کی تاریخ</translation>
    </message>
    <message>
        <source>FIR number</source>
        <translation>ایف آئی آر نمبر</translation>
    </message>
    <message>
        <source>FIR police station</source>
        <translation>ایف آئی آر کا تھانہ</translation>
    </message>
    <message>
        <source>FIR recommended</source>
        <translation>ایف آئی آر کی سفارش</translation>
    </message>
    <message>
        <source>FIR registered</source>
        <translation>ایف آئی آر درج</translation>
    </message>
    <message>
        <source>FIR-support summaries and the bimonthly report are made with the command line for now: ahtc fir-summary and ahtc report bimonthly.</source>
        <translation>ایف آئی آر معاون خلاصے اور دو ماہی رپورٹ فی الحال کمانڈ لائن سے بنتے ہیں: ahtc fir-summary اور ahtc report bimonthly۔</translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation>سہولت کار</translation>
    </message>
    <message>
        <source>Fact tags</source>
        <translation>حقائق کے ٹیگ</translation>
    </message>
    <message>
        <source>Family phone</source>
        <translation>اہل خانہ کا فون</translation>
    </message>
    <message>
        <source>Family willing to be complainant</source>
        <translation>اہل خانہ مدعی بننے پر آمادہ</translation>
    </message>
    <message>
        <source>Father name</source>
        <translation>ولدیت</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>عورت</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>مشاہدات</translation>
    </message>
    <message>
        <source>Follow-up interval (days)</source>
        <translation>نگرانی کا وقفہ (دن)</translation>
    </message>
    <message>
        <source>Follow-ups due this week and overdue</source>
        <translation>اس ہفتے اور تاخیر سے واجب نگرانی</translation>
    </message>
    <message>
        <source>From</source>
        <translation>سے</translation>
    </message>
    <message>
        <source>From status</source>
        <translation>سابقہ کیفیت</translation>
    </message>
    <message>
        <source>GPS latitude</source>
        <translation>جی پی ایس عرض بلد</translation>
    </message>
    <message>
        <source>GPS longitude</source>
        <translation>جی پی ایس طول بلد</translation>
    </message>
    <message>
        <source>Guardian CNIC</source>
        <translation>سرپرست کا شناختی کارڈ</translation>
    </message>
    <message>
        <source>Guardian name</source>
        <translation>سرپرست کا نام</translation>
    </message>
    <message>
        <source>Guardian phone</source>
        <translation>سرپرست کا فون</translation>
    </message>
    <message>
        <source>Gulf (overstay)</source>
        <translation>خلیج (ویزا سے زائد قیام)</translation>
    </message>
    <message>
        <source>Handed over to</source>
        <translation>حوالے کیا گیا</translation>
    </message>
    <message>
        <source>Hazards</source>
        <translation>خطرات</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>صحت</translation>
    </message>
    <message>
        <source>History</source>
        <translation>تاریخچہ</translation>
    </message>
    <message>
        <source>Hours per day</source>
        <translation>روزانہ اوقات کار</translation>
    </message>
    <message>
        <source>In transit</source>
        <translation>راستے میں</translation>
    </message>
    <message>
        <source>Inspection</source>
        <translation>معائنہ</translation>
    </message>
    <message>
        <source>Inspections</source>
        <translation>معائنے</translation>
    </message>
    <message>
        <source>Iran–Turkey–Greece</source>
        <translation>ایران–ترکی–یونان</translation>
    </message>
    <message>
        <source>Kiln wage agreement</source>
        <translation>بھٹہ اجرت معاہدہ</translation>
    </message>
    <message>
        <source>Kiln wage agreements</source>
        <translation>بھٹہ اجرت معاہدے</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>قسم</translation>
    </message>
    <message>
        <source>Labour</source>
        <translation>محنت</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>زبان</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>آخری ہم آہنگی</translation>
    </message>
    <message>
        <source>Legal aid</source>
        <translation>قانونی امداد</translation>
    </message>
    <message>
        <source>Libya–Italy (sea)</source>
        <translation>لیبیا–اٹلی (سمندری راستہ)</translation>
    </message>
    <message>
        <source>Licence no.</source>
        <translation>لائسنس نمبر</translation>
    </message>
    <message>
        <source>Licence shown</source>
        <translation>لائسنس دکھایا</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>مقفل کریں</translation>
    </message>
    <message>
        <source>Lock after idle</source>
        <translation>غیر فعالیت کے بعد مقفل</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>مقفل</translation>
    </message>
    <message>
        <source>Locked. Unlock, or let another officer sign in.</source>
        <translation>مقفل ہے۔ کھولیں، یا کسی دوسرے افسر کو داخل ہونے دیں۔</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>مرد</translation>
    </message>
    <message>
        <source>Migrant smuggling</source>
        <translation>انسانی اسمگلنگ (تارکین وطن)</translation>
    </message>
    <message>
        <source>Migration victims</source>
        <translation>غیر قانونی ہجرت کے متاثرین</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>لاپتہ</translation>
    </message>
    <message>
        <source>Moved away</source>
        <translation>منتقل ہو گیا</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>Narrative</source>
        <translation>واقعات</translation>
    </message>
    <message>
        <source>New (Ctrl+N)</source>
        <translation>نیا (Ctrl+N)</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>نیا پاس فریز</translation>
    </message>
    <message>
        <source>New record</source>
        <translation>نیا ریکارڈ</translation>
    </message>
    <message>
        <source>New status</source>
        <translation>نئی کیفیت</translation>
    </message>
    <message>
        <source>Next due</source>
        <translation>اگلی تاریخ</translation>
    </message>
    <message>
        <source>Next follow-up due</source>
        <translation>اگلی نگرانی کی تاریخ</translation>
    </message>
    <message>
        <source>No</source>
        <translation>نہیں</translation>
    </message>
    <message>
        <source>Non compliant</source>
        <translation>عدم تعمیل</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>نہیں ہو سکا</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>نوٹ</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>نوٹس</translation>
    </message>
    <message>
        <source>Notice complied</source>
        <translation>نوٹس کی تعمیل ہوئی</translation>
    </message>
    <message>
        <source>Notice issued</source>
        <translation>نوٹس جاری</translation>
    </message>
    <message>
        <source>Notified minimum rate per 1,000 bricks</source>
        <translation>سرکاری کم از کم اجرت فی ہزار اینٹ</translation>
    </message>
    <message>
        <source>Observed rate per 1,000 bricks</source>
        <translation>مشاہدہ شدہ اجرت فی ہزار اینٹ</translation>
    </message>
    <message>
        <source>Occurrence date</source>
        <translation>وقوعہ کی تاریخ</translation>
    </message>
    <message>
        <source>Occurrence place</source>
        <translation>جائے وقوعہ</translation>
    </message>
    <message>
        <source>Offence category</source>
        <translation>جرم کی قسم</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>افسر</translation>
    </message>
    <message>
        <source>Officers</source>
        <translation>افسران</translation>
    </message>
    <message>
        <source>Only the SHO can change these settings.</source>
        <translation>یہ ترتیبات صرف ایس ایچ او تبدیل کر سکتا ہے۔</translation>
    </message>
    <message>
        <source>Open the demo</source>
        <translation>نمونہ رجسٹر کھولیں</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>دیگر</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>نتیجہ</translation>
    </message>
    <message>
        <source>Outcome date</source>
        <translation>نتیجے کی تاریخ</translation>
    </message>
    <message>
        <source>Outcome notes</source>
        <translation>نتیجے کی تفصیل</translation>
    </message>
    <message>
        <source>Outstanding advances</source>
        <translation>واجب الادا پیشگی</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>صرف تاخیر والے</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>مالک</translation>
    </message>
    <message>
        <source>Partial</source>
        <translation>جزوی</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>پاس فریز</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>پاس فریز دوبارہ</translation>
    </message>
    <message>
        <source>Passport no.</source>
        <translation>پاسپورٹ نمبر</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>زیر التوا</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>شخص</translation>
    </message>
    <message>
        <source>Person links</source>
        <translation>افراد کے روابط</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>افراد</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>فون نمبر</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>جگہ</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>پرنٹ</translation>
    </message>
    <message>
        <source>Ransom paid</source>
        <translation>ادا کردہ تاوان</translation>
    </message>
    <message>
        <source>Read:edit</source>
        <translation>ترمیم کے لیے کھولا</translation>
    </message>
    <message>
        <source>Read:view</source>
        <translation>دیکھا گیا</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>وجہ</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>ریکارڈ</translation>
    </message>
    <message>
        <source>Records linked to cases</source>
        <translation>مقدمات سے منسلک ریکارڈ</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>حوالگیاں</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>رجسٹر</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>رجسٹرڈ</translation>
    </message>
    <message>
        <source>Registration status</source>
        <translation>رجسٹریشن کی کیفیت</translation>
    </message>
    <message>
        <source>Report date</source>
        <translation>رپورٹ کی تاریخ</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>رپورٹس</translation>
    </message>
    <message>
        <source>Rescue date</source>
        <translation>بازیابی کی تاریخ</translation>
    </message>
    <message>
        <source>Rescued children</source>
        <translation>بازیاب بچے</translation>
    </message>
    <message>
        <source>Reset passphrase…</source>
        <translation>پاس فریز دوبارہ مقرر کریں…</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>واپس آ گیا</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>کردار</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>راستہ</translation>
    </message>
    <message>
        <source>SHO</source>
        <translation>ایس ایچ او</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>محفوظ کریں (Ctrl+S)</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>ترتیبات محفوظ کریں</translation>
    </message>
    <message>
        <source>School name</source>
        <translation>اسکول کا نام</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>تلاش</translation>
    </message>
    <message>
        <source>Search: name (Urdu or English), part of a CNIC, phone, village…</source>
        <translation>تلاش: نام (اردو یا انگریزی)، شناختی کارڈ کا حصہ، فون، گاؤں…</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>دفعات</translation>
    </message>
    <message>
        <source>Service given</source>
        <translation>خدمت فراہم کی گئی</translation>
    </message>
    <message>
        <source>Set up this station</source>
        <translation>اس تھانے کا رجسٹر بنائیں</translation>
    </message>
    <message>
        <source>Setting up… this takes a few seconds.</source>
        <translation>تیاری ہو رہی ہے… چند سیکنڈ لگیں گے۔</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>ترتیبات</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>جنس</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>مقام</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>مقامات</translation>
    </message>
    <message>
        <source>Social welfare</source>
        <translation>سماجی بہبود</translation>
    </message>
    <message>
        <source>Something went wrong; the record was not changed. Details are in the log.</source>
        <translation>کچھ غلط ہو گیا؛ ریکارڈ تبدیل نہیں ہوا۔ تفصیل لاگ میں ہے۔</translation>
    </message>
    <message>
        <source>Staff list shown</source>
        <translation>عملے کی فہرست دکھائی</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>تھانہ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>کیفیت</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>متعلقہ ریکارڈ</translation>
    </message>
    <message>
        <source>Subject register</source>
        <translation>متعلقہ رجسٹر</translation>
    </message>
    <message>
        <source>Support given</source>
        <translation>فراہم کردہ مدد</translation>
    </message>
    <message>
        <source>Suspect</source>
        <translation>مشتبہ</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>ہم آہنگی</translation>
    </message>
    <message>
        <source>Sync bundles are written and read with the command line for now: ahtc export-bundle and ahtc import-bundle.</source>
        <translation>ہم آہنگی کے بنڈل فی الحال کمانڈ لائن سے بنتے اور پڑھے جاتے ہیں: ahtc export-bundle اور ahtc import-bundle۔</translation>
    </message>
    <message>
        <source>Tehsil</source>
        <translation>تحصیل</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>شرائط</translation>
    </message>
    <message>
        <source>The SHO's account</source>
        <translation>ایس ایچ او کا اکاؤنٹ</translation>
    </message>
    <message>
        <source>The police station</source>
        <translation>تھانہ</translation>
    </message>
    <message>
        <source>The record is kept in the history but leaves every list. Delete it?</source>
        <translation>ریکارڈ تاریخچے میں محفوظ رہے گا مگر تمام فہرستوں سے ہٹ جائے گا۔ حذف کریں؟</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>دونوں پاس فریز مختلف ہیں۔</translation>
    </message>
    <message>
        <source>There is no register on this computer yet. Set up this police station's register, or open the demo register (invented data) to try the app.</source>
        <translation>اس کمپیوٹر پر ابھی کوئی رجسٹر نہیں۔ اس تھانے کا رجسٹر بنائیں، یا ایپ آزمانے کے لیے نمونہ رجسٹر (فرضی کوائف) کھولیں۔</translation>
    </message>
    <message>
        <source>This form was not saved last time (%s). Bring back what was typed?</source>
        <translation>یہ فارم پچھلی بار محفوظ نہیں ہوا تھا (%s)۔ لکھا ہوا واپس لائیں؟</translation>
    </message>
    <message>
        <source>This month: %1 inspections, %2 children rescued. Follow-ups overdue: %3.</source>
        <translation>اس مہینے: %1 معائنے، %2 بچے بازیاب۔ تاخیر شدہ نگرانی: %3۔</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <source>To status</source>
        <translation>نئی کیفیت</translation>
    </message>
    <message>
        <source>Trafficking in persons</source>
        <translation>انسانی اسمگلنگ</translation>
    </message>
    <message>
        <source>Travel agency</source>
        <translation>ٹریول ایجنسی</translation>
    </message>
    <message>
        <source>Type to search…</source>
        <translation>تلاش کے لیے لکھیں…</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>نامعلوم</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>کھولیں</translation>
    </message>
    <message>
        <source>Unlock the register</source>
        <translation>رجسٹر کھولیں</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>کھل رہا ہے…</translation>
    </message>
    <message>
        <source>Unregistered</source>
        <translation>غیر رجسٹرڈ</translation>
    </message>
    <message>
        <source>Unsaved typing found</source>
        <translation>غیر محفوظ تحریر ملی</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>ترمیم</translation>
    </message>
    <message>
        <source>Updated at</source>
        <translation>ترمیم کا وقت</translation>
    </message>
    <message>
        <source>User</source>
        <translation>صارف</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>صارف نام</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>صارفین</translation>
    </message>
    <message>
        <source>Victim</source>
        <translation>متاثرہ فرد</translation>
    </message>
    <message>
        <source>Victim-family meetings</source>
        <translation>متاثرین کے اہل خانہ سے ملاقاتیں</translation>
    </message>
    <message>
        <source>Viewer</source>
        <translation>ناظر</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>گاؤں</translation>
    </message>
    <message>
        <source>Warned</source>
        <translation>تنبیہ شدہ</translation>
    </message>
    <message>
        <source>Watchlisted</source>
        <translation>زیر نگرانی فہرست میں</translation>
    </message>
    <message>
        <source>Welcome to the AHTC Register</source>
        <translation>اے ایچ ٹی سی رجسٹر میں خوش آمدید</translation>
    </message>
    <message>
        <source>What you typed here is not saved. Close anyway?</source>
        <translation>یہاں لکھا ہوا محفوظ نہیں ہوا۔ پھر بھی بند کریں؟</translation>
    </message>
    <message>
        <source>When</source>
        <translation>کب</translation>
    </message>
    <message>
        <source>With SHO</source>
        <translation>ایس ایچ او کے پاس</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>مشقت سے نکالا گیا</translation>
    </message>
    <message>
        <source>Witness</source>
        <translation>گواہ</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>کام</translation>
    </message>
    <message>
        <source>Workers EOBI-registered</source>
        <translation>ای او بی آئی میں رجسٹرڈ مزدور</translation>
    </message>
    <message>
        <source>Workers covered</source>
        <translation>شامل مزدور</translation>
    </message>
    <message>
        <source>Workers illiterate</source>
        <translation>ناخواندہ مزدور</translation>
    </message>
    <message>
        <source>Workers in debt bondage (peshgi)</source>
        <translation>پیشگی کے قرض میں جکڑے مزدور</translation>
    </message>
    <message>
        <source>Workers paid as agreed</source>
        <translation>معاہدے کے مطابق اجرت پانے والے مزدور</translation>
    </message>
    <message>
        <source>Workers total</source>
        <translation>کل مزدور</translation>
    </message>
    <message>
        <source>Workers unaware of minimum wage</source>
        <translation>کم از کم اجرت سے ناواقف مزدور</translation>
    </message>
    <message>
        <source>Workers with contract</source>
        <translation>تحریری معاہدے والے مزدور</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>ورکشاپ</translation>
    </message>
    <message>
        <source>Wrong user name or passphrase. Try again.</source>
        <translation>صارف نام یا پاس فریز غلط ہے۔ دوبارہ کوشش کریں۔</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>ہاں</translation>
    </message>
    <message>
        <source>a CNIC has 13 digits, written #####-#######-# (dashes optional)</source>
        <translation>شناختی کارڈ نمبر 13 ہندسوں کا ہوتا ہے: #####-#######-# (ڈیش اختیاری)</translation>
    </message>
    <message>
        <source>a compliance deadline needs a notice issued</source>
        <translation>تعمیل کی آخری تاریخ کے لیے نوٹس جاری ہونا ضروری ہے</translation>
    </message>
    <message>
        <source>a mobile number looks like 0300-1234567 (11 digits starting 03) or +92 300 1234567</source>
        <translation>موبائل نمبر یوں لکھیں: 0300-1234567 (03 سے شروع 11 ہندسے) یا +92 300 1234567</translation>
    </message>
    <message>
        <source>a number is needed</source>
        <translation>عدد درکار ہے</translation>
    </message>
    <message>
        <source>a whole number is needed</source>
        <translation>مکمل عدد درکار ہے</translation>
    </message>
    <message>
        <source>an agreement below the notified minimum wage cannot be recorded as one</source>
        <translation>سرکاری کم از کم اجرت سے کم معاہدہ درج نہیں ہو سکتا</translation>
    </message>
    <message>
        <source>an amount in PKR cannot be negative</source>
        <translation>رقم منفی نہیں ہو سکتی</translation>
    </message>
    <message>
        <source>answer yes or no</source>
        <translation>ہاں یا نہیں میں جواب دیں</translation>
    </message>
    <message>
        <source>cannot be after the rescue date</source>
        <translation>بازیابی کی تاریخ کے بعد نہیں ہو سکتی</translation>
    </message>
    <message>
        <source>cannot be before the date of departure</source>
        <translation>روانگی کی تاریخ سے پہلے نہیں ہو سکتی</translation>
    </message>
    <message>
        <source>cannot be before the occurrence</source>
        <translation>وقوعہ سے پہلے نہیں ہو سکتی</translation>
    </message>
    <message>
        <source>cannot be before the referral</source>
        <translation>حوالگی سے پہلے نہیں ہو سکتی</translation>
    </message>
    <message>
        <source>cannot be before the rescue date</source>
        <translation>بازیابی کی تاریخ سے پہلے نہیں ہو سکتی</translation>
    </message>
    <message>
        <source>cannot be in the future</source>
        <translation>مستقبل کی تاریخ نہیں ہو سکتی</translation>
    </message>
    <message>
        <source>cannot be more than the workers counted</source>
        <translation>گنے گئے مزدوروں سے زیادہ نہیں ہو سکتے</translation>
    </message>
    <message>
        <source>cannot be negative</source>
        <translation>منفی نہیں ہو سکتا</translation>
    </message>
    <message>
        <source>cannot register more workers than covered</source>
        <translation>شامل مزدوروں سے زیادہ رجسٹر نہیں ہو سکتے</translation>
    </message>
    <message>
        <source>cannot withdraw more children than found</source>
        <translation>ملنے والے بچوں سے زیادہ نہیں نکالے جا سکتے</translation>
    </message>
    <message>
        <source>choose between 1 and 240 minutes</source>
        <translation>1 سے 240 منٹ کے درمیان منتخب کریں</translation>
    </message>
    <message>
        <source>give the date of birth or the age</source>
        <translation>تاریخ پیدائش یا عمر درج کریں</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>منٹ</translation>
    </message>
    <message>
        <source>must be after the meeting</source>
        <translation>ملاقات کے بعد کی تاریخ ہو</translation>
    </message>
    <message>
        <source>name the school the child is enrolled in</source>
        <translation>اس اسکول کا نام لکھیں جہاں بچہ داخل ہے</translation>
    </message>
    <message>
        <source>never</source>
        <translation>کبھی نہیں</translation>
    </message>
    <message>
        <source>pick a record from the list</source>
        <translation>فہرست سے ریکارڈ منتخب کریں</translation>
    </message>
    <message>
        <source>required</source>
        <translation>لازمی</translation>
    </message>
    <message>
        <source>the deadline cannot be before the inspection</source>
        <translation>آخری تاریخ معائنے سے پہلے نہیں ہو سکتی</translation>
    </message>
    <message>
        <source>the next visit must be after this one</source>
        <translation>اگلا دورہ اس دورے کے بعد ہو</translation>
    </message>
    <message>
        <source>the year looks wrong</source>
        <translation>سال غلط معلوم ہوتا ہے</translation>
    </message>
    <message>
        <source>to</source>
        <translation>تا</translation>
    </message>
    <message>
        <source>workers in debt bondage cannot be more than the workers counted</source>
        <translation>قرض میں جکڑے مزدور کل مزدوروں سے زیادہ نہیں ہو سکتے</translation>
    </message>
    <message>
        <source>write the date as dd/mm/yyyy</source>
        <translation>تاریخ dd/mm/yyyy کی صورت میں لکھیں</translation>
    </message>
    <message>
        <source>wrong user name or passphrase</source>
        <translation>صارف نام یا پاس فریز غلط ہے</translation>
    </message>
</context>
</TS>
