<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ur_PK" sourcelanguage="en">
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>ٹھیک ہے</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>محفوظ کریں</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>سب محفوظ کریں</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>کھولیں</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>ہاں</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>سب کے لیے ہاں</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>نہیں</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>سب کے لیے نہیں</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>روکیں</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>دوبارہ کوشش کریں</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>نظر انداز کریں</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>بند کریں</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>منسوخ کریں</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>ضائع کریں</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>مدد</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>لاگو کریں</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>پہلے جیسا کریں</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>اصل ترتیبات بحال کریں</translation>
    </message>
</context>
<context>
    <name>ahtc</name>
    <message>
        <source>%1 other recovery slot(s) removed: only this recovery key opens the store.</source>
        <translation>%1 دیگر ریکوری سلاٹ ہٹا دیے گئے: اب صرف یہی ریکوری کلید رجسٹر کھول سکتی ہے۔</translation>
    </message>
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
        <source>1. Make the request file, take it to the district AHTC and read them this station's fingerprint by phone. 2. Load the answer file the district gives back. 3. Type the district's fingerprint as the district reads it out: enrolment goes ahead only if it matches the answer file.</source>
        <translation>1۔ درخواست کی فائل بنائیں، اسے ضلعی اے ایچ ٹی سی کے پاس لے جائیں اور فون پر انہیں اس تھانے کا فنگر پرنٹ پڑھ کر سنائیں۔ 2۔ ضلع سے ملنے والی جوابی فائل لوڈ کریں۔ 3۔ ضلع جو فنگر پرنٹ پڑھ کر سنائے وہ ٹائپ کریں: اندراج صرف اسی صورت میں ہوگا جب یہ جوابی فائل سے میل کھائے۔</translation>
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
        <source>Answer from district %1 (%2).</source>
        <translation>ضلع %1 (%2) کا جواب۔</translation>
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
        <source>Confirm and enrol</source>
        <translation>تصدیق کر کے اندراج کریں</translation>
    </message>
    <message>
        <source>Confirm and enrol…</source>
        <translation>تصدیق کر کے اندراج کریں…</translation>
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
        <source>District’s fingerprint in the file</source>
        <translation>فائل میں ضلع کا فنگر پرنٹ</translation>
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
        <source>Linked cases</source>
        <translation>منسلک مقدمات</translation>
    </message>
    <message>
        <source>Linked persons</source>
        <translation>منسلک افراد</translation>
    </message>
    <message>
        <source>Linked records</source>
        <translation>منسلک ریکارڈ</translation>
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
        <translation>تارکین وطن کی اسمگلنگ (PSMA 2018)</translation>
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
        <source>Phone the district: read them this station's fingerprint, ask them to read theirs, and type it below.</source>
        <translation>ضلع کو فون کریں: انہیں اس تھانے کا فنگر پرنٹ پڑھ کر سنائیں، ان سے ان کا فنگر پرنٹ سنیں اور نیچے ٹائپ کریں۔</translation>
    </message>
    <message>
        <source>Phone the station's SHO: ask them to read their fingerprint, type it below, and read them the district's.</source>
        <translation>تھانے کے ایس ایچ او کو فون کریں: ان سے ان کا فنگر پرنٹ سن کر نیچے ٹائپ کریں، اور انہیں ضلع کا فنگر پرنٹ پڑھ کر سنائیں۔</translation>
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
        <source>Read this fingerprint to the district by phone when you hand over the request.</source>
        <translation>درخواست دیتے وقت یہ فنگر پرنٹ فون پر ضلع کو پڑھ کر سنائیں۔</translation>
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
        <source>Request from station %1 (%2).</source>
        <translation>تھانہ %1 (%2) کی درخواست۔</translation>
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
        <source>Revoked %1</source>
        <translation>منسوخ %1</translation>
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
        <source>Station’s fingerprint in the file</source>
        <translation>فائل میں تھانے کا فنگر پرنٹ</translation>
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
        <source>The bundle announces new keys that cannot be accepted. Report it to district IT.</source>
        <translation>بنڈل میں ایسی نئی کلیدوں کا اعلان ہے جو قبول نہیں کی جا سکتیں۔ ضلعی آئی ٹی کو اطلاع دیں۔</translation>
    </message>
    <message>
        <source>The bundle is signed with keys the sender no longer uses; it sends everything again.</source>
        <translation>بنڈل پر ان کلیدوں کے دستخط ہیں جو بھیجنے والا اب استعمال نہیں کرتا؛ وہ سب کچھ دوبارہ بھیجے گا۔</translation>
    </message>
    <message>
        <source>The district's fingerprint, as the district reads it out</source>
        <translation>ضلع کا فنگر پرنٹ، جیسا ضلع پڑھ کر سنائے</translation>
    </message>
    <message>
        <source>The district's recovery key (%1) can now open this store if every passphrase is lost.</source>
        <translation>اگر سب پاس فریز بھول جائیں تو اب ضلع کی ریکوری کلید (%1) یہ رجسٹر کھول سکتی ہے۔</translation>
    </message>
    <message>
        <source>The fingerprint you typed (%1) is not the one in the file (%2). Nothing was changed. Check it by phone again; if it really differs, the file was swapped or changed on the way: do not use it, and ask for a new one.</source>
        <translation>آپ کا ٹائپ کیا ہوا فنگر پرنٹ (%1) فائل والے فنگر پرنٹ (%2) سے مختلف ہے۔ کچھ تبدیل نہیں ہوا۔ فون پر دوبارہ ملا لیں؛ اگر واقعی مختلف ہو تو فائل راستے میں بدلی یا تبدیل کی گئی ہے: اسے استعمال نہ کریں اور نئی فائل منگوائیں۔</translation>
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
        <source>The station's SHO types the district's fingerprint in when loading the answer.</source>
        <translation>جواب لوڈ کرتے وقت تھانے کا ایس ایچ او ضلع کا فنگر پرنٹ ٹائپ کرے گا۔</translation>
    </message>
    <message>
        <source>The station's fingerprint, as its SHO reads it out</source>
        <translation>تھانے کا فنگر پرنٹ، جیسا اس کا ایس ایچ او پڑھ کر سنائے</translation>
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
        <source>This month — inspections: %1, children rescued: %2. Follow-ups overdue: %3.</source>
        <translation>اس مہینے — معائنے: %1، بازیاب بچے: %2۔ تاخیر شدہ نگرانی: %3۔</translation>
    </message>
    <message>
        <source>This station is revoked at the district: nothing it sends is taken. Ask district IT.</source>
        <translation>یہ تھانہ ضلع میں منسوخ کر دیا گیا ہے: اس کا بھیجا ہوا کچھ قبول نہیں ہوتا۔ ضلعی آئی ٹی سے رابطہ کریں۔</translation>
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
        <translation>انسانی ٹریفکنگ (PTPA 2018)</translation>
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
    <message>
        <source>%1 to %2 — inspections: %3, children withdrawn: %4, FIRs registered: %5, follow-ups overdue: %6.</source>
        <translation>%1 تا %2 — معائنے: %3، مشقت سے نکالے گئے بچے: %4، درج ایف آئی آر: %5، واجب الادا فالو اپ: %6۔</translation>
    </message>
    <message>
        <source>AHTC bundles (*.ahtc-bundle);;All files (*)</source>
        <translation>اے ایچ ٹی سی بنڈل (*.ahtc-bundle);;تمام فائلیں (*)</translation>
    </message>
    <message>
        <source>Acknowledged up to</source>
        <translation>یہاں تک تصدیق شدہ</translation>
    </message>
    <message>
        <source>All figures</source>
        <translation>تمام اعداد و شمار</translation>
    </message>
    <message>
        <source>All stations</source>
        <translation>تمام تھانے</translation>
    </message>
    <message>
        <source>Already imported earlier: nothing changed.</source>
        <translation>پہلے ہی درآمد ہو چکا ہے: کچھ تبدیل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>شعبہ</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>کس کے لیے</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>بنیادی مدت</translation>
    </message>
    <message>
        <source>Baseline vs latest</source>
        <translation>بنیادی مدت بمقابلہ تازہ ترین</translation>
    </message>
    <message>
        <source>Bimonthly report (Excel and PDF)…</source>
        <translation>دو ماہی رپورٹ (ایکسل اور پی ڈی ایف)…</translation>
    </message>
    <message>
        <source>Bring in the district's answer</source>
        <translation>ضلع کا جواب درآمد کریں</translation>
    </message>
    <message>
        <source>Bundle no.</source>
        <translation>بنڈل نمبر</translation>
    </message>
    <message>
        <source>Cases by status at the period end</source>
        <translation>مدت کے اختتام پر مقدمات بلحاظ حیثیت</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>فرق</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>تبدیلیاں</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>چارٹ</translation>
    </message>
    <message>
        <source>Checked: the file on the drive reads back identical (same SHA-256).</source>
        <translation>جانچ مکمل: ڈرائیو پر فائل دوبارہ پڑھنے پر بالکل وہی ہے (وہی SHA-256)۔</translation>
    </message>
    <message>
        <source>Choose a USB stick or a folder first.</source>
        <translation>پہلے یو ایس بی اسٹک یا فولڈر منتخب کریں۔</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>فولڈر منتخب کریں…</translation>
    </message>
    <message>
        <source>Chosen dates</source>
        <translation>منتخب تاریخیں</translation>
    </message>
    <message>
        <source>Compare with a baseline period</source>
        <translation>بنیادی مدت سے موازنہ کریں</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>ٹکراؤ</translation>
    </message>
    <message>
        <source>Copy %1 saved: %2</source>
        <translation>نقل نمبر %1 محفوظ ہو گئی: %2</translation>
    </message>
    <message>
        <source>Copy %1 sent to the printer (%2 pages).</source>
        <translation>نقل نمبر %1 پرنٹر کو بھیج دی گئی (%2 صفحات)۔</translation>
    </message>
    <message>
        <source>Copy number</source>
        <translation>نقل نمبر</translation>
    </message>
    <message>
        <source>Copy slip</source>
        <translation>پرچی کاپی کریں</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>گنتی جاری ہے…</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>بنایا گیا</translation>
    </message>
    <message>
        <source>Detected</source>
        <translation>پتا چلا</translation>
    </message>
    <message>
        <source>Dispatch slip — copy into the dispatch register</source>
        <translation>روانگی پرچی — ڈسپیچ رجسٹر میں درج کریں</translation>
    </message>
    <message>
        <source>District server: %1 (every %2 minutes while the app is open)</source>
        <translation>ضلعی سرور: %1 (ایپ کھلی ہو تو ہر %2 منٹ بعد)</translation>
    </message>
    <message>
        <source>District’s fingerprint</source>
        <translation>ضلع کا فنگر پرنٹ</translation>
    </message>
    <message>
        <source>Drive or folder</source>
        <translation>ڈرائیو یا فولڈر</translation>
    </message>
    <message>
        <source>EOBI-registered</source>
        <translation>ای او بی آئی میں رجسٹرڈ</translation>
    </message>
    <message>
        <source>Enrol a station…</source>
        <translation>تھانے کا اندراج کریں…</translation>
    </message>
    <message>
        <source>Enrolled %1; the answer for the station is in %2.</source>
        <translation>%1 کا اندراج ہو گیا؛ تھانے کے لیے جواب %2 میں ہے۔</translation>
    </message>
    <message>
        <source>Enrolled with the district.</source>
        <translation>ضلع کے ساتھ اندراج ہو گیا۔</translation>
    </message>
    <message>
        <source>Enrolment with the district (once, by the SHO)</source>
        <translation>ضلع کے ساتھ اندراج (ایک بار، ایس ایچ او کرے گا)</translation>
    </message>
    <message>
        <source>Every copy is numbered and logged with its audience. A copy for anyone outside the police hides the child's and the victims' names, numbers and addresses.</source>
        <translation>ہر نقل کا نمبر اور وصول کنندہ ریکارڈ ہوتا ہے۔ پولیس سے باہر کسی کے لیے نقل میں بچے اور متاثرین کے نام، نمبر اور پتے چھپا دیے جاتے ہیں۔</translation>
    </message>
    <message>
        <source>Every station enrolled with this district. A gap means changes that have not arrived yet; the station sends them again with its next bundle.</source>
        <translation>اس ضلع میں درج تمام تھانے۔ خلا کا مطلب ہے کہ کچھ تبدیلیاں ابھی نہیں پہنچیں؛ تھانہ انہیں اگلے بنڈل کے ساتھ دوبارہ بھیجے گا۔</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>برآمد</translation>
    </message>
    <message>
        <source>Export register…</source>
        <translation>رجسٹر برآمد کریں…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>فائل</translation>
    </message>
    <message>
        <source>Folder for the return bundles (e.g. the USB stick)</source>
        <translation>جوابی بنڈلوں کا فولڈر (مثلاً یو ایس بی اسٹک)</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>فالو اپ</translation>
    </message>
    <message>
        <source>Full (names and numbers; SHO only)</source>
        <translation>مکمل (نام اور نمبر؛ صرف ایس ایچ او)</translation>
    </message>
    <message>
        <source>Gaps</source>
        <translation>خلا</translation>
    </message>
    <message>
        <source>Illiterate</source>
        <translation>ناخواندہ</translation>
    </message>
    <message>
        <source>Import bundles…</source>
        <translation>بنڈل درآمد کریں…</translation>
    </message>
    <message>
        <source>Import return bundle…</source>
        <translation>جوابی بنڈل درآمد کریں…</translation>
    </message>
    <message>
        <source>Imported: %1 new, %2 updated, %3 conflicts kept for review.</source>
        <translation>درآمد مکمل: %1 نئے، %2 تازہ کیے گئے، %3 ٹکراؤ جائزے کے لیے محفوظ۔</translation>
    </message>
    <message>
        <source>In debt bondage</source>
        <translation>پیشگی کی غلامی میں</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>اشاریہ</translation>
    </message>
    <message>
        <source>Inspections by site kind</source>
        <translation>معائنے بلحاظ جگہ کی قسم</translation>
    </message>
    <message>
        <source>Key fingerprint</source>
        <translation>کلید کا فنگر پرنٹ</translation>
    </message>
    <message>
        <source>Kiln survey</source>
        <translation>بھٹہ سروے</translation>
    </message>
    <message>
        <source>Kiln workers (% of workers counted)</source>
        <translation>بھٹہ مزدور (شمار شدہ مزدوروں کا %)</translation>
    </message>
    <message>
        <source>Last bundle</source>
        <translation>آخری بنڈل</translation>
    </message>
    <message>
        <source>Last problem</source>
        <translation>آخری مسئلہ</translation>
    </message>
    <message>
        <source>Last successful sync</source>
        <translation>آخری کامیاب سنک</translation>
    </message>
    <message>
        <source>Last two months</source>
        <translation>پچھلے دو ماہ</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>تازہ ترین</translation>
    </message>
    <message>
        <source>Load district answer…</source>
        <translation>ضلع کا جواب لوڈ کریں…</translation>
    </message>
    <message>
        <source>Make enrolment request…</source>
        <translation>اندراج کی درخواست بنائیں…</translation>
    </message>
    <message>
        <source>NGO referral (child and victims masked)</source>
        <translation>این جی او ریفرل (بچہ اور متاثرین پوشیدہ)</translation>
    </message>
    <message>
        <source>No USB stick found: plug one in, or choose a folder</source>
        <translation>کوئی یو ایس بی اسٹک نہیں ملی: اسٹک لگائیں یا فولڈر منتخب کریں</translation>
    </message>
    <message>
        <source>No district server address is set: use the USB stick below, or ask the SHO to set it in Settings.</source>
        <translation>ضلعی سرور کا پتا درج نہیں: نیچے یو ایس بی اسٹک استعمال کریں، یا ایس ایچ او سے کہیں کہ ترتیبات میں درج کرے۔</translation>
    </message>
    <message>
        <source>Nothing to send: the district has acknowledged every change.</source>
        <translation>بھیجنے کو کچھ نہیں: ضلع ہر تبدیلی کی تصدیق کر چکا ہے۔</translation>
    </message>
    <message>
        <source>Of</source>
        <translation>کل میں سے</translation>
    </message>
    <message>
        <source>Open conflicts</source>
        <translation>حل طلب ٹکراؤ</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>مدت</translation>
    </message>
    <message>
        <source>Police (full copy)</source>
        <translation>پولیس (مکمل نقل)</translation>
    </message>
    <message>
        <source>Preparing the summary…</source>
        <translation>خلاصہ تیار ہو رہا ہے…</translation>
    </message>
    <message>
        <source>Print FIR summary…</source>
        <translation>ایف آئی آر خلاصہ پرنٹ کریں…</translation>
    </message>
    <message>
        <source>Print slip…</source>
        <translation>پرچی پرنٹ کریں…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>پرنٹ کریں…</translation>
    </message>
    <message>
        <source>Prosecutor (victims masked)</source>
        <translation>استغاثہ (متاثرین پوشیدہ)</translation>
    </message>
    <message>
        <source>Pseudonymised (names hidden)</source>
        <translation>فرضی شناخت (نام پوشیدہ)</translation>
    </message>
    <message>
        <source>REFUSED</source>
        <translation>مسترد</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>حد</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>موصول</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>تازہ کریں</translation>
    </message>
    <message>
        <source>Refused (%1): %2 Nothing was imported.</source>
        <translation>مسترد (%1): %2 کچھ بھی درآمد نہیں ہوا۔</translation>
    </message>
    <message>
        <source>Request written to %1.</source>
        <translation>درخواست %1 میں لکھ دی گئی۔</translation>
    </message>
    <message>
        <source>Return bundle for the station:</source>
        <translation>تھانے کے لیے جوابی بنڈل:</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>پی ڈی ایف کے طور پر محفوظ کریں…</translation>
    </message>
    <message>
        <source>Save the answer for the station</source>
        <translation>تھانے کے لیے جواب محفوظ کریں</translation>
    </message>
    <message>
        <source>Send by USB stick</source>
        <translation>یو ایس بی اسٹک کے ذریعے بھیجیں</translation>
    </message>
    <message>
        <source>Show figures</source>
        <translation>اعداد و شمار دکھائیں</translation>
    </message>
    <message>
        <source>Something went wrong; nothing was changed. Details are in the log.</source>
        <translation>کچھ غلط ہو گیا؛ کچھ تبدیل نہیں ہوا۔ تفصیل لاگ میں ہے۔</translation>
    </message>
    <message>
        <source>Stations</source>
        <translation>تھانے</translation>
    </message>
    <message>
        <source>Station’s fingerprint</source>
        <translation>تھانے کا فنگر پرنٹ</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>ابھی سنک کریں</translation>
    </message>
    <message>
        <source>Sync with the district over the network</source>
        <translation>نیٹ ورک کے ذریعے ضلع سے سنک</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>سنک جاری ہے…</translation>
    </message>
    <message>
        <source>The bundle comes from a newer version of AHTC Register. It is kept unapplied; ask district IT to update this computer, then import the same file again.</source>
        <translation>یہ بنڈل اے ایچ ٹی سی رجسٹر کے نئے ورژن کا ہے۔ اسے لاگو کیے بغیر رکھ لیا گیا ہے؛ ضلعی آئی ٹی سے اس کمپیوٹر کو اپ ڈیٹ کروائیں، پھر یہی فائل دوبارہ درآمد کریں۔</translation>
    </message>
    <message>
        <source>The bundle comes from a sender this installation has not enrolled.</source>
        <translation>یہ بنڈل ایسے بھیجنے والے کا ہے جس کا یہاں اندراج نہیں ہوا۔</translation>
    </message>
    <message>
        <source>The bundle failed a check.</source>
        <translation>بنڈل ایک جانچ میں ناکام رہا۔</translation>
    </message>
    <message>
        <source>The bundle holds every change the district has not acknowledged, signed and encrypted: only the district can read it, so anyone may carry it.</source>
        <translation>بنڈل میں ہر وہ تبدیلی ہے جس کی ضلع نے تصدیق نہیں کی، دستخط شدہ اور خفیہ: اسے صرف ضلع پڑھ سکتا ہے، اس لیے کوئی بھی اسے لے جا سکتا ہے۔</translation>
    </message>
    <message>
        <source>The bundle's description is damaged or was changed.</source>
        <translation>بنڈل کی تفصیل خراب ہے یا اس میں تبدیلی کی گئی ہے۔</translation>
    </message>
    <message>
        <source>The contents cannot be opened with this installation's key.</source>
        <translation>مواد اس تنصیب کی کلید سے نہیں کھل سکتا۔</translation>
    </message>
    <message>
        <source>The contents do not match the bundle's description: the file was changed or damaged.</source>
        <translation>مواد بنڈل کی تفصیل سے مطابقت نہیں رکھتا: فائل تبدیل یا خراب ہو گئی ہے۔</translation>
    </message>
    <message>
        <source>The contents of the bundle are not valid.</source>
        <translation>بنڈل کا مواد درست نہیں۔</translation>
    </message>
    <message>
        <source>The district answers each bundle with a return bundle: it confirms what arrived and brings district data.</source>
        <translation>ضلع ہر بنڈل کا جواب ایک جوابی بنڈل سے دیتا ہے: اس میں موصولی کی تصدیق اور ضلعی معلومات ہوتی ہیں۔</translation>
    </message>
    <message>
        <source>The district has acknowledged changes up to %1.</source>
        <translation>ضلع نے %1 تک کی تبدیلیوں کی تصدیق کر دی ہے۔</translation>
    </message>
    <message>
        <source>The district refused the bundle (%1): %2 Nothing was lost; the changes stay here.</source>
        <translation>ضلع نے بنڈل مسترد کر دیا (%1): %2 کچھ ضائع نہیں ہوا؛ تبدیلیاں یہیں محفوظ ہیں۔</translation>
    </message>
    <message>
        <source>The district runs a different version of AHTC Register.</source>
        <translation>ضلع پر اے ایچ ٹی سی رجسٹر کا مختلف ورژن چل رہا ہے۔</translation>
    </message>
    <message>
        <source>The server at the district's address did not show the district's certificate, so nothing was sent: it may be another computer posing as the district. Nothing was lost. Tell district IT.</source>
        <translation>ضلع کے پتے پر موجود سرور نے ضلع کا سرٹیفکیٹ نہیں دکھایا، اس لیے کچھ نہیں بھیجا گیا: ہو سکتا ہے کوئی اور کمپیوٹر خود کو ضلع ظاہر کر رہا ہو۔ کچھ ضائع نہیں ہوا۔ ضلعی آئی ٹی کو بتائیں۔</translation>
    </message>
    <message>
        <source>The district server could not be reached (no network, or the server is off). Nothing was lost: the changes go with the next sync or on a USB stick.</source>
        <translation>ضلعی سرور سے رابطہ نہیں ہو سکا (نیٹ ورک نہیں، یا سرور بند ہے)۔ کچھ ضائع نہیں ہوا: تبدیلیاں اگلے سنک یا یو ایس بی اسٹک سے جائیں گی۔</translation>
    </message>
    <message>
        <source>The district server could not take the bundle.</source>
        <translation>ضلعی سرور بنڈل وصول نہیں کر سکا۔</translation>
    </message>
    <message>
        <source>The district server is busy; try again in a minute.</source>
        <translation>ضلعی سرور مصروف ہے؛ ایک منٹ بعد دوبارہ کوشش کریں۔</translation>
    </message>
    <message>
        <source>The district's receipt in this bundle does not verify.</source>
        <translation>اس بنڈل میں ضلع کی رسید کی تصدیق نہیں ہوتی۔</translation>
    </message>
    <message>
        <source>The drive or file could not be used (%1). Is the stick plugged in and not full?</source>
        <translation>ڈرائیو یا فائل استعمال نہیں ہو سکی (%1)۔ کیا اسٹک لگی ہوئی ہے اور بھری ہوئی تو نہیں؟</translation>
    </message>
    <message>
        <source>The enrolment file cannot be used: %1</source>
        <translation>اندراج کی فائل استعمال نہیں ہو سکتی: %1</translation>
    </message>
    <message>
        <source>The file is damaged or incomplete (was the stick pulled out while writing?).</source>
        <translation>فائل خراب یا نامکمل ہے (کیا لکھتے وقت اسٹک نکال لی گئی تھی؟)۔</translation>
    </message>
    <message>
        <source>The file is too large to be a bundle, or empty.</source>
        <translation>فائل بنڈل ہونے کے لیے بہت بڑی ہے، یا خالی ہے۔</translation>
    </message>
    <message>
        <source>The file on the drive does not read back the same as what was written: the stick may be faulty. Write the bundle again, to another stick if you can.</source>
        <translation>ڈرائیو پر فائل دوبارہ پڑھنے پر لکھی گئی فائل جیسی نہیں: اسٹک خراب ہو سکتی ہے۔ بنڈل دوبارہ لکھیں، ہو سکے تو کسی اور اسٹک پر۔</translation>
    </message>
    <message>
        <source>The list of the kept versions comes with the next update of the sync service. Until then, the number of open conflicts per station is shown below; district IT can list them with the command line.</source>
        <translation>محفوظ شدہ نسخوں کی فہرست سنک سروس کی اگلی اپ ڈیٹ کے ساتھ آئے گی۔ تب تک ہر تھانے کے حل طلب ٹکراؤ کی تعداد نیچے دی گئی ہے؛ ضلعی آئی ٹی کمانڈ لائن سے ان کی فہرست دیکھ سکتا ہے۔</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>مدت شروع ہونے سے پہلے ختم ہو رہی ہے۔</translation>
    </message>
    <message>
        <source>The signature does not match: the bundle was changed after it was written.</source>
        <translation>دستخط مطابقت نہیں رکھتے: بنڈل لکھے جانے کے بعد تبدیل کیا گیا۔</translation>
    </message>
    <message>
        <source>This bundle is addressed to another station or district.</source>
        <translation>یہ بنڈل کسی اور تھانے یا ضلع کے نام ہے۔</translation>
    </message>
    <message>
        <source>This file is not an AHTC bundle, or comes from an unknown version.</source>
        <translation>یہ فائل اے ایچ ٹی سی بنڈل نہیں، یا کسی نامعلوم ورژن کی ہے۔</translation>
    </message>
    <message>
        <source>This kind of bundle is not imported here.</source>
        <translation>اس قسم کا بنڈل یہاں درآمد نہیں ہوتا۔</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>اس ماہ</translation>
    </message>
    <message>
        <source>This station is not enrolled with its district yet: the SHO does that below, once.</source>
        <translation>اس تھانے کا ابھی ضلع کے ساتھ اندراج نہیں ہوا: ایس ایچ او یہ نیچے ایک بار کرے۔</translation>
    </message>
    <message>
        <source>This station’s fingerprint</source>
        <translation>اس تھانے کا فنگر پرنٹ</translation>
    </message>
    <message>
        <source>This will be copy %1</source>
        <translation>یہ نقل نمبر %1 ہو گی</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>اس سال</translation>
    </message>
    <message>
        <source>Tick “Compare with a baseline period” and show the figures again.</source>
        <translation>”بنیادی مدت سے موازنہ کریں“ پر نشان لگائیں اور اعداد و شمار دوبارہ دکھائیں۔</translation>
    </message>
    <message>
        <source>To</source>
        <translation>بنام</translation>
    </message>
    <message>
        <source>Travel agencies</source>
        <translation>ٹریول ایجنسیاں</translation>
    </message>
    <message>
        <source>Unaware of minimum wage</source>
        <translation>کم از کم اجرت سے ناواقف</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>قدر</translation>
    </message>
    <message>
        <source>When a station and the district changed the same record at the same time, the newer change is kept in the register and the other version is kept here, never lost.</source>
        <translation>جب تھانے اور ضلع نے ایک ہی وقت میں ایک ہی ریکارڈ تبدیل کیا ہو تو نئی تبدیلی رجسٹر میں رہتی ہے اور دوسرا نسخہ یہاں محفوظ رہتا ہے، کبھی ضائع نہیں ہوتا۔</translation>
    </message>
    <message>
        <source>Write bundle</source>
        <translation>بنڈل لکھیں</translation>
    </message>
    <message>
        <source>Written contract</source>
        <translation>تحریری معاہدہ</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>لکھ دیا گیا: %1</translation>
    </message>
    <message>
        <source>Your role does not allow this.</source>
        <translation>آپ کا عہدہ اس کی اجازت نہیں دیتا۔</translation>
    </message>
    <message>
        <source>full</source>
        <translation>مکمل</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>درآمد ہو گیا</translation>
    </message>
    <message>
        <source>none</source>
        <translation>کوئی نہیں</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>ابھی کوئی نہیں</translation>
    </message>
    <message>
        <source>points</source>
        <translation>پوائنٹس</translation>
    </message>
    <message>
        <source>pseudonymised</source>
        <translation>فرضی شناخت</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>قطاریں</translation>
    </message>
    <message>
        <source>Acquittals</source>
        <translation>بریت</translation>
    </message>
    <message>
        <source>Agreements followed up</source>
        <translation>معاہدے جن کا فالو اپ ہوا</translation>
    </message>
    <message>
        <source>Back at work at last visit</source>
        <translation>آخری دورے پر دوبارہ کام پر</translation>
    </message>
    <message>
        <source>Cases now: Acquitted</source>
        <translation>موجودہ مقدمات: بری</translation>
    </message>
    <message>
        <source>Cases now: Challan</source>
        <translation>موجودہ مقدمات: چالان</translation>
    </message>
    <message>
        <source>Cases now: Closed</source>
        <translation>موجودہ مقدمات: بند</translation>
    </message>
    <message>
        <source>Cases now: Convicted</source>
        <translation>موجودہ مقدمات: سزا یافتہ</translation>
    </message>
    <message>
        <source>Cases now: Draft</source>
        <translation>موجودہ مقدمات: مسودہ</translation>
    </message>
    <message>
        <source>Cases now: FIR registered</source>
        <translation>موجودہ مقدمات: ایف آئی آر درج</translation>
    </message>
    <message>
        <source>Cases now: In court</source>
        <translation>موجودہ مقدمات: عدالت میں</translation>
    </message>
    <message>
        <source>Cases now: With SHO</source>
        <translation>موجودہ مقدمات: ایس ایچ او کے پاس</translation>
    </message>
    <message>
        <source>Cases on the register</source>
        <translation>رجسٹر پر مقدمات</translation>
    </message>
    <message>
        <source>Challans submitted</source>
        <translation>چالان جمع کرائے گئے</translation>
    </message>
    <message>
        <source>Children enrolled in school</source>
        <translation>اسکول میں داخل بچے</translation>
    </message>
    <message>
        <source>Children visited (follow-up)</source>
        <translation>بچے جن کا دورہ ہوا (فالو اپ)</translation>
    </message>
    <message>
        <source>Children withdrawn from labour</source>
        <translation>مشقت سے نکالے گئے بچے</translation>
    </message>
    <message>
        <source>Closed without FIR</source>
        <translation>ایف آئی آر کے بغیر بند</translation>
    </message>
    <message>
        <source>Compliant at latest follow-up</source>
        <translation>تازہ فالو اپ پر پابند</translation>
    </message>
    <message>
        <source>Convictions</source>
        <translation>سزائیں</translation>
    </message>
    <message>
        <source>Convictions / decided cases</source>
        <translation>سزائیں / فیصلہ شدہ مقدمات</translation>
    </message>
    <message>
        <source>FIRs registered</source>
        <translation>درج ایف آئی آر</translation>
    </message>
    <message>
        <source>In court</source>
        <translation>عدالت میں</translation>
    </message>
    <message>
        <source>In school at last visit</source>
        <translation>آخری دورے پر اسکول میں</translation>
    </message>
    <message>
        <source>Inspections: all sites</source>
        <translation>معائنے: تمام جگہیں</translation>
    </message>
    <message>
        <source>Inspections: brick kiln</source>
        <translation>معائنے: اینٹوں کا بھٹہ</translation>
    </message>
    <message>
        <source>Inspections: other</source>
        <translation>معائنے: دیگر</translation>
    </message>
    <message>
        <source>Inspections: travel agency</source>
        <translation>معائنے: ٹریول ایجنسی</translation>
    </message>
    <message>
        <source>Inspections: workshop</source>
        <translation>معائنے: ورکشاپ</translation>
    </message>
    <message>
        <source>Kiln inspections</source>
        <translation>بھٹوں کے معائنے</translation>
    </message>
    <message>
        <source>Kiln workers counted</source>
        <translation>شمار شدہ بھٹہ مزدور</translation>
    </message>
    <message>
        <source>Mean committed rate per 1,000 bricks</source>
        <translation>فی 1,000 اینٹ طے شدہ اوسط شرح</translation>
    </message>
    <message>
        <source>Mean wage paid per 1,000 bricks</source>
        <translation>فی 1,000 اینٹ ادا شدہ اوسط اجرت</translation>
    </message>
    <message>
        <source>Migration victims (incident in period)</source>
        <translation>ہجرت کے متاثرین (واقعہ اس مدت میں)</translation>
    </message>
    <message>
        <source>Non-compliant at latest follow-up</source>
        <translation>تازہ فالو اپ پر غیر پابند</translation>
    </message>
    <message>
        <source>Notices complied / issued</source>
        <translation>نوٹس پر عمل / جاری شدہ</translation>
    </message>
    <message>
        <source>Notices complied with</source>
        <translation>نوٹس جن پر عمل ہوا</translation>
    </message>
    <message>
        <source>Notices issued</source>
        <translation>جاری شدہ نوٹس</translation>
    </message>
    <message>
        <source>Notices not complied with</source>
        <translation>نوٹس جن پر عمل نہیں ہوا</translation>
    </message>
    <message>
        <source>Notices pending</source>
        <translation>زیر التوا نوٹس</translation>
    </message>
    <message>
        <source>Overdue: agreement visits</source>
        <translation>واجب الادا: معاہدوں کے دورے</translation>
    </message>
    <message>
        <source>Overdue: all</source>
        <translation>واجب الادا: تمام</translation>
    </message>
    <message>
        <source>Overdue: child visits</source>
        <translation>واجب الادا: بچوں کے دورے</translation>
    </message>
    <message>
        <source>Overdue: family meetings</source>
        <translation>واجب الادا: خاندانوں سے ملاقاتیں</translation>
    </message>
    <message>
        <source>Paid to agents (PKR)</source>
        <translation>ایجنٹوں کو ادائیگی (روپے)</translation>
    </message>
    <message>
        <source>Partly compliant at latest follow-up</source>
        <translation>تازہ فالو اپ پر جزوی پابند</translation>
    </message>
    <message>
        <source>Ransom paid (PKR)</source>
        <translation>ادا شدہ تاوان (روپے)</translation>
    </message>
    <message>
        <source>Sent to court</source>
        <translation>عدالت بھیجے گئے</translation>
    </message>
    <message>
        <source>Travel agencies expired / unknown</source>
        <translation>ٹریول ایجنسیاں: میعاد ختم / نامعلوم</translation>
    </message>
    <message>
        <source>Travel agencies registered</source>
        <translation>رجسٹرڈ ٹریول ایجنسیاں</translation>
    </message>
    <message>
        <source>Travel agencies unregistered</source>
        <translation>غیر رجسٹرڈ ٹریول ایجنسیاں</translation>
    </message>
    <message>
        <source>Travel agency inspections</source>
        <translation>ٹریول ایجنسیوں کے معائنے</translation>
    </message>
    <message>
        <source>Victims: deceased</source>
        <translation>متاثرین: فوت شدہ</translation>
    </message>
    <message>
        <source>Victims: detained abroad</source>
        <translation>متاثرین: بیرون ملک زیر حراست</translation>
    </message>
    <message>
        <source>Victims: in transit</source>
        <translation>متاثرین: راستے میں</translation>
    </message>
    <message>
        <source>Victims: missing</source>
        <translation>متاثرین: لاپتہ</translation>
    </message>
    <message>
        <source>Victims: returned</source>
        <translation>متاثرین: واپس آ گئے</translation>
    </message>
    <message>
        <source>Wage agreements signed</source>
        <translation>اجرت کے معاہدے طے ہوئے</translation>
    </message>
    <message>
        <source>Wage paid / committed rate</source>
        <translation>ادا شدہ اجرت / طے شدہ شرح</translation>
    </message>
    <message>
        <source>Workers registered with EOBI</source>
        <translation>ای او بی آئی میں رجسٹرڈ مزدور</translation>
    </message>
    <message>
        <source>Workers unaware of the minimum wage</source>
        <translation>کم از کم اجرت سے ناواقف مزدور</translation>
    </message>
    <message>
        <source>Workers with a written contract</source>
        <translation>تحریری معاہدے والے مزدور</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(خالی)</translation>
    </message>
    <message>
        <source>Both versions hold the same details: there is nothing to bring back.</source>
        <translation>دونوں ورژن میں ایک جیسی تفصیلات ہیں: واپس لانے کو کچھ نہیں۔</translation>
    </message>
    <message>
        <source>Bring the other version back</source>
        <translation>دوسرا ورژن واپس لائیں</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>حذف شدہ</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>خانہ</translation>
    </message>
    <message>
        <source>In the register now</source>
        <translation>اس وقت رجسٹر میں</translation>
    </message>
    <message>
        <source>Keep the record as it is</source>
        <translation>ریکارڈ جیسا ہے ویسا رکھیں</translation>
    </message>
    <message>
        <source>Only %1 differ, and they change through their own action, not by bringing a version back.</source>
        <translation>صرف %1 مختلف ہیں، اور یہ اپنی الگ کارروائی سے بدلتے ہیں، ورژن واپس لانے سے نہیں۔</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>حل طلب</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>جائزہ مکمل</translation>
    </message>
    <message>
        <source>Reviewed by %1.</source>
        <translation>%1 نے جائزہ لیا۔</translation>
    </message>
    <message>
        <source>Select a conflict to compare the two versions.</source>
        <translation>دونوں ورژن کا موازنہ کرنے کے لیے کوئی ٹکراؤ منتخب کریں۔</translation>
    </message>
    <message>
        <source>Show reviewed conflicts too</source>
        <translation>جن ٹکراؤ کا جائزہ ہو چکا ہے، وہ بھی دکھائیں</translation>
    </message>
    <message>
        <source>State</source>
        <translation>صورتِ حال</translation>
    </message>
    <message>
        <source>The other version</source>
        <translation>دوسرا ورژن</translation>
    </message>
    <message>
        <source>The other version is a deletion: only the SHO can delete the record.</source>
        <translation>دوسرا ورژن ریکارڈ کو حذف کرتا ہے: ریکارڈ صرف ایس ایچ او حذف کر سکتا ہے۔</translation>
    </message>
    <message>
        <source>The record is deleted now. The SHO can add it again from the other version shown here.</source>
        <translation>یہ ریکارڈ اب حذف ہو چکا ہے۔ ایس ایچ او یہاں دکھائے گئے دوسرے ورژن سے اسے دوبارہ درج کر سکتا ہے۔</translation>
    </message>
    <message>
        <source>The record will hold the other version's details again, as a change saved by you. It goes to the district with the next sync. Go ahead?</source>
        <translation>ریکارڈ میں دوبارہ دوسرے ورژن کی تفصیلات آ جائیں گی، آپ کی محفوظ کی ہوئی تبدیلی کے طور پر۔ یہ اگلی ہم آہنگی کے ساتھ ضلع کو جائے گی۔ جاری رکھیں؟</translation>
    </message>
    <message>
        <source>This record belongs to %1: only that station can bring the other version back. Mark the conflict reviewed here, and tell the station if the other version was right.</source>
        <translation>یہ ریکارڈ %1 کا ہے: دوسرا ورژن صرف وہی تھانہ واپس لا سکتا ہے۔ یہاں ٹکراؤ کا جائزہ مکمل کریں، اور اگر دوسرا ورژن درست تھا تو تھانے کو بتائیں۔</translation>
    </message>
    <message>
        <source>When two versions of the same record meet and neither was made from the other, the newer one is kept in the register and the other one here, never lost. Compare them, then keep the record as it is, or bring the other version back (only the station that owns the record can).</source>
        <translation>جب ایک ہی ریکارڈ کے دو ورژن ملیں اور کوئی بھی دوسرے سے نہ بنا ہو، تو نیا ورژن رجسٹر میں رکھا جاتا ہے اور دوسرا یہاں، کبھی ضائع نہیں ہوتا۔ دونوں کا موازنہ کریں، پھر ریکارڈ جیسا ہے ویسا رکھیں، یا دوسرا ورژن واپس لائیں، جو صرف وہی تھانہ کر سکتا ہے جس کا ریکارڈ ہے۔</translation>
    </message>
    <message>
        <source>Your role cannot change records: ask an officer or the SHO.</source>
        <translation>آپ کا کردار ریکارڈ تبدیل نہیں کر سکتا: کسی افسر یا ایس ایچ او سے کہیں۔</translation>
    </message>
    <message>
        <source>at the district:</source>
        <translation>ضلع میں:</translation>
    </message>
    <message>
        <source>two versions under one time stamp: the same one is kept everywhere</source>
        <translation>ایک ہی وقت کے نشان پر دو مختلف ورژن: ہر جگہ ایک ہی ورژن برقرار رکھا جاتا ہے</translation>
    </message>
    <message>
        <source>concurrent edits: the later one wins</source>
        <translation>ایک ساتھ تبدیلیاں: بعد والی برقرار</translation>
    </message>
    <message>
        <source>deleted after a concurrent edit: the deletion wins</source>
        <translation>ایک ساتھ کی گئی تبدیلی کے بعد حذف: حذف برقرار</translation>
    </message>
    <message>
        <source>deleted before a concurrent edit: the edit wins</source>
        <translation>ایک ساتھ کی گئی تبدیلی سے پہلے حذف: تبدیلی برقرار</translation>
    </message>
    <message>
        <source>edited after it was deleted: the edit wins</source>
        <translation>حذف ہونے کے بعد تبدیلی: تبدیلی برقرار</translation>
    </message>
    <message>
        <source>edited before it was deleted: the deletion wins</source>
        <translation>حذف ہونے سے پہلے تبدیلی: حذف برقرار</translation>
    </message>
    <message>
        <source>%1 wrong passphrase(s) were typed on this computer since the last sign-in (last: %2). If that was not you or a colleague, tell the SHO.</source>
        <translation>پچھلے سائن اِن کے بعد اس کمپیوٹر پر %1 بار غلط پاس فریز لکھا گیا (آخری بار: %2)۔ اگر یہ آپ یا کسی ساتھی نے نہیں کیا تو ایس ایچ او کو بتائیں۔</translation>
    </message>
    <message>
        <source>New passphrases needed</source>
        <translation>نئے پاس فریز درکار ہیں</translation>
    </message>
    <message>
        <source>The last sync did not succeed. Try again, or send the changes on a USB stick.</source>
        <translation>پچھلی ہم آہنگی کامیاب نہیں ہوئی۔ دوبارہ کوشش کریں، یا تبدیلیاں یو ایس بی اسٹک پر بھیجیں۔</translation>
    </message>
    <message>
        <source>The register now has a new key. These accounts had not signed in since the update and cannot sign in until you give each a new passphrase (Reset passphrase…): %1</source>
        <translation>رجسٹر کی اب نئی کنجی ہے۔ یہ اکاؤنٹ اپ ڈیٹ کے بعد سائن اِن نہیں ہوئے تھے اور جب تک آپ ہر ایک کو نیا پاس فریز نہ دیں (پاس فریز دوبارہ مقرر کریں…) سائن اِن نہیں کر سکتے: %1</translation>
    </message>
    <message>
        <source>Too many wrong passphrases on this computer: wait %1 seconds, then try again.</source>
        <translation>اس کمپیوٹر پر بہت زیادہ غلط پاس فریز لکھے گئے: %1 سیکنڈ انتظار کریں، پھر دوبارہ کوشش کریں۔</translation>
    </message>
    <message>
        <source>Wrong passphrases</source>
        <translation>غلط پاس فریز</translation>
    </message>
    <message>
        <source>Your role here is not the one the SHO granted you: sign-in refused and recorded. Ask the SHO.</source>
        <translation>یہاں آپ کا کردار وہ نہیں جو ایس ایچ او نے آپ کو دیا: سائن اِن روک کر درج کر دیا گیا۔ ایس ایچ او سے رابطہ کریں۔</translation>
    </message>
    <message>
        <source>Checks at sign-in</source>
        <translation>سائن اِن پر جانچ</translation>
    </message>
    <message>
        <source>The checks at sign-in found problems (they are in the audit too). The SHO should run a full check (Verify) and tell the district:</source>
        <translation>سائن اِن پر جانچ میں مسائل ملے (یہ آڈٹ میں بھی درج ہیں)۔ ایس ایچ او مکمل جانچ (Verify) چلائے اور ضلع کو بتائے:</translation>
    </message>
    <message>
        <source>A child was found working at a brick kiln</source>
        <translation>بھٹہ خشت پر ایک بچہ کام کرتا پایا گیا</translation>
    </message>
    <message>
        <source>A creditor still collects on a bonded debt</source>
        <translation>قرض خواہ اب بھی بانڈڈ لیبر کے قرض کی وصولی کر رہا ہے</translation>
    </message>
    <message>
        <source>A foreigner without papers was harboured</source>
        <translation>بغیر کاغذات کے غیر ملکی کو پناہ دی گئی</translation>
    </message>
    <message>
        <source>A gang or agent network acting for profit</source>
        <translation>منافع کے لیے سرگرم گروہ یا ایجنٹوں کا نیٹ ورک</translation>
    </message>
    <message>
        <source>A licensed overseas employment promoter is involved</source>
        <translation>لائسنس یافتہ اوورسیز ایمپلائمنٹ پروموٹر ملوث ہے</translation>
    </message>
    <message>
        <source>A passport was misused, forged or traded</source>
        <translation>پاسپورٹ کا غلط استعمال، جعل سازی یا خرید و فروخت ہوئی</translation>
    </message>
    <message>
        <source>A person was sold, bought or handed over for money</source>
        <translation>کسی شخص کو رقم کے عوض بیچا، خریدا یا حوالے کیا گیا</translation>
    </message>
    <message>
        <source>A woman or girl was forced to marry</source>
        <translation>کسی عورت یا لڑکی کی زبردستی شادی کرائی گئی</translation>
    </message>
    <message>
        <source>AHTC case number</source>
        <translation>اے ایچ ٹی سی مقدمہ نمبر</translation>
    </message>
    <message>
        <source>An advance (peshgi) was given</source>
        <translation>پیشگی (ایڈوانس) دی گئی</translation>
    </message>
    <message>
        <source>Another breach of the Emigration Ordinance</source>
        <translation>ایمیگریشن آرڈیننس کی کوئی اور خلاف ورزی</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>جانچ کریں</translation>
    </message>
    <message>
        <source>Confirmed by you; the catalogue does not suggest it for these facts.</source>
        <translation>آپ نے تصدیق کی؛ کیٹلاگ ان حقائق پر یہ دفعہ تجویز نہیں کرتا۔</translation>
    </message>
    <message>
        <source>Deceived with false promises (job, wages, visa)</source>
        <translation>جھوٹے وعدوں سے دھوکا دیا گیا (ملازمت، اجرت، ویزا)</translation>
    </message>
    <message>
        <source>Facts of the case</source>
        <translation>مقدمے کے حقائق</translation>
    </message>
    <message>
        <source>Forged or fake passport, visa or ID</source>
        <translation>جعلی پاسپورٹ، ویزا یا شناختی کارڈ</translation>
    </message>
    <message>
        <source>Hazardous work for a child or adolescent</source>
        <translation>بچے یا نوعمر کے لیے خطرناک کام</translation>
    </message>
    <message>
        <source>Jobs abroad advertised without permission</source>
        <translation>بیرون ملک ملازمتوں کا بغیر اجازت اشتہار</translation>
    </message>
    <message>
        <source>Law sections</source>
        <translation>قانونی دفعات</translation>
    </message>
    <message>
        <source>Law-section catalogue</source>
        <translation>قانونی دفعات کا کیٹلاگ</translation>
    </message>
    <message>
        <source>Locked up or not free to move</source>
        <translation>بند رکھا گیا یا آزادانہ آنے جانے سے روکا گیا</translation>
    </message>
    <message>
        <source>Made to beg</source>
        <translation>بھیک منگوائی گئی</translation>
    </message>
    <message>
        <source>Made to work by force or threat</source>
        <translation>زبردستی یا دھمکی سے کام کروایا گیا</translation>
    </message>
    <message>
        <source>Money taken for a job, visa or travel abroad</source>
        <translation>ملازمت، ویزا یا بیرون ملک سفر کے لیے رقم لی گئی</translation>
    </message>
    <message>
        <source>Moved, or to be moved, across Pakistan's border</source>
        <translation>پاکستان کی سرحد پار لے جایا گیا یا لے جایا جانا تھا</translation>
    </message>
    <message>
        <source>No section is suggested yet: choose the offence category and tick the facts.</source>
        <translation>ابھی کوئی دفعہ تجویز نہیں ہوئی: جرم کی قسم منتخب کریں اور حقائق پر نشان لگائیں۔</translation>
    </message>
    <message>
        <source>No written agreement with the employer</source>
        <translation>آجر کے ساتھ کوئی تحریری معاہدہ نہیں</translation>
    </message>
    <message>
        <source>Not suggested</source>
        <translation>تجویز نہیں کی گئیں</translation>
    </message>
    <message>
        <source>Passport or ID card taken away</source>
        <translation>پاسپورٹ یا شناختی کارڈ چھین لیا گیا</translation>
    </message>
    <message>
        <source>Punishment</source>
        <translation>سزا</translation>
    </message>
    <message>
        <source>Ransom demanded from the family</source>
        <translation>اہل خانہ سے تاوان طلب کیا گیا</translation>
    </message>
    <message>
        <source>Sent abroad by someone without a promoter's licence</source>
        <translation>پروموٹر لائسنس کے بغیر کسی نے بیرون ملک بھیجا</translation>
    </message>
    <message>
        <source>Seriously injured or fell gravely ill</source>
        <translation>شدید زخمی ہوا یا سخت بیمار پڑ گیا</translation>
    </message>
    <message>
        <source>Someone died on the journey or while exploited</source>
        <translation>سفر یا استحصال کے دوران کوئی جاں بحق ہوا</translation>
    </message>
    <message>
        <source>Someone falsely claimed a government job or summons</source>
        <translation>کسی نے سرکاری ملازمت یا سرکاری طلبی کا جھوٹا دعویٰ کیا</translation>
    </message>
    <message>
        <source>Someone helped: sub-agent, transporter, parent, official</source>
        <translation>کسی نے مدد کی: سب ایجنٹ، ٹرانسپورٹر، والدین، اہلکار</translation>
    </message>
    <message>
        <source>Suggested from the facts ticked. Tick each section you confirm: only those are printed.</source>
        <translation>نشان زدہ حقائق سے تجویز کردہ۔ جس دفعہ کی آپ تصدیق کریں اس پر نشان لگائیں: صرف وہی پرنٹ ہوں گی۔</translation>
    </message>
    <message>
        <source>Taken by force or deceit, or a minor taken from the guardian</source>
        <translation>زبردستی یا دھوکے سے لے جایا گیا، یا نابالغ کو سرپرست سے لے جایا گیا</translation>
    </message>
    <message>
        <source>The accused has done this before</source>
        <translation>ملزم پہلے بھی یہ جرم کر چکا ہے</translation>
    </message>
    <message>
        <source>The accused himself left Pakistan unlawfully</source>
        <translation>ملزم خود غیر قانونی طریقے سے پاکستان سے گیا</translation>
    </message>
    <message>
        <source>The creditor took or kept the family's property</source>
        <translation>قرض خواہ نے خاندان کی جائیداد لے لی یا روک رکھی</translation>
    </message>
    <message>
        <source>The journey included a boat crossing</source>
        <translation>سفر میں کشتی کے ذریعے سمندر پار کرنا شامل تھا</translation>
    </message>
    <message>
        <source>The victim is a child</source>
        <translation>متاثرہ فرد بچہ ہے</translation>
    </message>
    <message>
        <source>The victim is a woman or girl</source>
        <translation>متاثرہ فرد عورت یا لڑکی ہے</translation>
    </message>
    <message>
        <source>The victim or family was threatened</source>
        <translation>متاثرہ فرد یا اہل خانہ کو دھمکی دی گئی</translation>
    </message>
    <message>
        <source>Treated cruelly or inhumanly</source>
        <translation>ظالمانہ یا غیر انسانی سلوک کیا گیا</translation>
    </message>
    <message>
        <source>UNVERIFIED</source>
        <translation>غیر تصدیق شدہ</translation>
    </message>
    <message>
        <source>Used for prostitution or sexual exploitation</source>
        <translation>جسم فروشی یا جنسی استحصال کے لیے استعمال کیا گیا</translation>
    </message>
    <message>
        <source>Who investigates and which court tries</source>
        <translation>تفتیش کون کرے گا اور سماعت کون سی عدالت کرے گی</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>وجہ</translation>
    </message>
    <message>
        <source>Works to pay off a debt, not free to leave</source>
        <translation>قرض اتارنے کے لیے کام کرتا ہے، چھوڑ کر جا نہیں سکتا</translation>
    </message>
    <message>
        <source>not in the catalogue: read the official text</source>
        <translation>کیٹلاگ میں نہیں: سرکاری متن پڑھیں</translation>
    </message>
    <message>
        <source>Changes in the bundle are dated too far in the future: the sending PC's date is wrong. Correct the date and time there; the SHO then runs 'ahtc repair-clock' and sends again.</source>
        <translation>بنڈل کی تبدیلیوں پر مستقبل کی بہت آگے کی تاریخ لگی ہے: بھیجنے والے کمپیوٹر کی تاریخ غلط ہے۔ وہاں تاریخ اور وقت درست کریں؛ پھر ایس ایچ او 'ahtc repair-clock' چلائے اور دوبارہ بھیجے۔</translation>
    </message>
    <message>
        <source>The bundle changes records that belong to another station. Nothing from it was taken; report it to district IT.</source>
        <translation>یہ بنڈل ایسے ریکارڈ بدلتا ہے جو کسی دوسرے تھانے کے ہیں۔ اس میں سے کچھ نہیں لیا گیا؛ ضلعی آئی ٹی کو اطلاع دیں۔</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 دن</translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation>%1 گھنٹے</translation>
    </message>
    <message>
        <source>This PC's clock reads %1, %2 behind the last change saved here (%3). The date is probably wrong (a flat CMOS battery resets it): correct the date and time before you go on.</source>
        <translation>اس کمپیوٹر کی گھڑی %1 دکھا رہی ہے، جو یہاں محفوظ کی گئی آخری تبدیلی (%3) سے %2 پیچھے ہے۔ تاریخ غالباً غلط ہے (سی ایم او ایس بیٹری ختم ہو جائے تو تاریخ بدل جاتی ہے): آگے بڑھنے سے پہلے تاریخ اور وقت درست کریں۔</translation>
    </message>
    <message>
        <source>At the last sync this PC's clock was %1 ahead of the district's.</source>
        <translation>پچھلی ہم آہنگی کے وقت اس کمپیوٹر کی گھڑی ضلع کی گھڑی سے %1 آگے تھی۔</translation>
    </message>
    <message>
        <source>At the last sync this PC's clock was %1 behind the district's.</source>
        <translation>پچھلی ہم آہنگی کے وقت اس کمپیوٹر کی گھڑی ضلع کی گھڑی سے %1 پیچھے تھی۔</translation>
    </message>
    <message>
        <source>Correct the date and time before exporting: the district refuses changes stamped more than %1 ahead of its own clock.</source>
        <translation>برآمد کرنے سے پہلے تاریخ اور وقت درست کریں: ضلع وہ تبدیلیاں قبول نہیں کرتا جن پر اس کی اپنی گھڑی سے %1 سے زیادہ آگے کا وقت لگا ہو۔</translation>
    </message>
    <message>
        <source>%1 change(s) waiting to be sent were stamped while this PC's clock was ahead (as late as %2). The district refuses them as they are: the SHO should run 'ahtc repair-clock' to stamp them again, then export.</source>
        <translation>بھیجے جانے کی منتظر %1 تبدیلیوں پر وقت اس دوران لگا جب اس کمپیوٹر کی گھڑی آگے تھی (%2 تک)۔ ضلع انہیں اس حالت میں قبول نہیں کرتا: ایس ایچ او 'ahtc repair-clock' چلا کر ان پر دوبارہ وقت لگائے، پھر برآمد کرے۔</translation>
    </message>
    <message>
        <source>wrong clock</source>
        <translation>غلط گھڑی</translation>
    </message>
    <message>
        <source>other station's records</source>
        <translation>دوسرے تھانے کے ریکارڈ</translation>
    </message>
    <message>
        <source>Refused bundles</source>
        <translation>مسترد بنڈل</translation>
    </message>
    <message>
        <source>Tips and complaints</source>
        <translation>اطلاعات اور شکایات</translation>
    </message>
    <message>
        <source>Tips</source>
        <translation>اطلاعات</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>وصولی کی تاریخ</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>ذریعہ</translation>
    </message>
    <message>
        <source>Citizen app</source>
        <translation>شہری ایپ</translation>
    </message>
    <message>
        <source>Helpline</source>
        <translation>ہیلپ لائن</translation>
    </message>
    <message>
        <source>Walk in</source>
        <translation>خود حاضر ہو کر</translation>
    </message>
    <message>
        <source>Other agency</source>
        <translation>دوسرا ادارہ</translation>
    </message>
    <message>
        <source>Passed on by (agency)</source>
        <translation>بھیجنے والا ادارہ</translation>
    </message>
    <message>
        <source>Anonymous tip</source>
        <translation>گمنام اطلاع</translation>
    </message>
    <message>
        <source>Tipster's name</source>
        <translation>اطلاع دہندہ کا نام</translation>
    </message>
    <message>
        <source>Tipster's mobile</source>
        <translation>اطلاع دہندہ کا موبائل</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>زمرہ</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>فوریت</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>فوری</translation>
    </message>
    <message>
        <source>High</source>
        <translation>زیادہ</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>معمول کی</translation>
    </message>
    <message>
        <source>Persons named</source>
        <translation>اطلاع میں مذکور افراد</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>تفصیلات</translation>
    </message>
    <message>
        <source>Verification due</source>
        <translation>تصدیق کی مقررہ تاریخ</translation>
    </message>
    <message>
        <source>Verified on</source>
        <translation>تصدیق کی تاریخ</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>تصدیق ہو گئی</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>نتیجہ</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>درست پائی گئی</translation>
    </message>
    <message>
        <source>Unfounded</source>
        <translation>بے بنیاد پائی گئی</translation>
    </message>
    <message>
        <source>Action due</source>
        <translation>کارروائی کی مقررہ تاریخ</translation>
    </message>
    <message>
        <source>Action taken on</source>
        <translation>کارروائی کی تاریخ</translation>
    </message>
    <message>
        <source>Kind of action</source>
        <translation>کارروائی کی قسم</translation>
    </message>
    <message>
        <source>Closing due</source>
        <translation>بند کرنے کی مقررہ تاریخ</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>بند کرنے کی تاریخ</translation>
    </message>
    <message>
        <source>Closing note</source>
        <translation>بند کرنے کا نوٹ</translation>
    </message>
    <message>
        <source>Next step due</source>
        <translation>اگلے مرحلے کی مقررہ تاریخ</translation>
    </message>
    <message>
        <source>Police</source>
        <translation>پولیس</translation>
    </message>
    <message>
        <source>Intelligence bureau</source>
        <translation>انٹیلی جنس بیورو</translation>
    </message>
    <message>
        <source>District administration</source>
        <translation>ضلعی انتظامیہ</translation>
    </message>
    <message>
        <source>Civil society</source>
        <translation>سول سوسائٹی</translation>
    </message>
    <message>
        <source>Awareness sessions</source>
        <translation>آگاہی نشستیں</translation>
    </message>
    <message>
        <source>Advisories posted</source>
        <translation>آویزاں کیے گئے عوامی انتباہ</translation>
    </message>
    <message>
        <source>Officer trainings</source>
        <translation>افسران کی تربیت</translation>
    </message>
    <message>
        <source>Kind of place</source>
        <translation>جگہ کی قسم</translation>
    </message>
    <message>
        <source>Place or institution</source>
        <translation>جگہ یا ادارہ</translation>
    </message>
    <message>
        <source>Audience (head count)</source>
        <translation>شرکاء کی تعداد</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>آگاہی مواد</translation>
    </message>
    <message>
        <source>School</source>
        <translation>اسکول</translation>
    </message>
    <message>
        <source>College</source>
        <translation>کالج</translation>
    </message>
    <message>
        <source>Madrassa</source>
        <translation>مدرسہ</translation>
    </message>
    <message>
        <source>Bus terminal</source>
        <translation>بس اڈا</translation>
    </message>
    <message>
        <source>Public place</source>
        <translation>عوامی مقام</translation>
    </message>
    <message>
        <source>Mosque</source>
        <translation>مسجد</translation>
    </message>
    <message>
        <source>Students</source>
        <translation>طلبہ</translation>
    </message>
    <message>
        <source>Parents and teachers</source>
        <translation>والدین اور اساتذہ</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>مزدور</translation>
    </message>
    <message>
        <source>Employers</source>
        <translation>آجر</translation>
    </message>
    <message>
        <source>Prospective migrants</source>
        <translation>بیرون ملک جانے کے خواہش مند</translation>
    </message>
    <message>
        <source>General public</source>
        <translation>عام شہری</translation>
    </message>
    <message>
        <source>Posted on</source>
        <translation>آویزاں کرنے کی تاریخ</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>مقام کی تفصیل</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>موضوع</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>نقول</translation>
    </message>
    <message>
        <source>Checked again on</source>
        <translation>دوبارہ جانچ کی تاریخ</translation>
    </message>
    <message>
        <source>Still displayed</source>
        <translation>اب بھی آویزاں</translation>
    </message>
    <message>
        <source>Illegal migration</source>
        <translation>غیر قانونی طریقے سے بیرون ملک جانا</translation>
    </message>
    <message>
        <source>Minimum wage</source>
        <translation>کم از کم اجرت</translation>
    </message>
    <message>
        <source>Child labour</source>
        <translation>بچوں سے مشقت</translation>
    </message>
    <message>
        <source>Licensed agencies</source>
        <translation>لائسنس یافتہ ایجنسیاں</translation>
    </message>
    <message>
        <source>Trafficking law</source>
        <translation>انسانی ٹریفکنگ کا قانون (PTPA 2018)</translation>
    </message>
    <message>
        <source>Smuggling law</source>
        <translation>تارکین وطن کی اسمگلنگ کا قانون (PSMA 2018)</translation>
    </message>
    <message>
        <source>Victim identification</source>
        <translation>متاثرین کی شناخت</translation>
    </message>
    <message>
        <source>Child and bonded labour law</source>
        <translation>بچوں سے مشقت اور جبری مشقت کے قوانین</translation>
    </message>
    <message>
        <source>Interviewing victims</source>
        <translation>متاثرین سے انٹرویو</translation>
    </message>
    <message>
        <source>Investigation</source>
        <translation>تفتیش</translation>
    </message>
    <message>
        <source>Using the register</source>
        <translation>رجسٹر کا استعمال</translation>
    </message>
    <message>
        <source>Officers trained</source>
        <translation>تربیت یافتہ افسران کی تعداد</translation>
    </message>
    <message>
        <source>Officers (rank and name)</source>
        <translation>افسران (عہدہ اور نام)</translation>
    </message>
    <message>
        <source>Trainer</source>
        <translation>تربیت دینے والا</translation>
    </message>
    <message>
        <source>Trainer agency</source>
        <translation>تربیت دینے والا ادارہ</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>گھنٹے</translation>
    </message>
    <message>
        <source>Committee meetings</source>
        <translation>کمیٹی کے اجلاس</translation>
    </message>
    <message>
        <source>Committee action items</source>
        <translation>کمیٹی کے عملدرآمد کے نکات</translation>
    </message>
    <message>
        <source>Action item</source>
        <translation>عملدرآمد کا نکتہ</translation>
    </message>
    <message>
        <source>Action items</source>
        <translation>عملدرآمد کے نکات</translation>
    </message>
    <message>
        <source>Agencies present</source>
        <translation>موجود ادارے</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>ادارہ</translation>
    </message>
    <message>
        <source>Asked for by the meeting</source>
        <translation>اجلاس کی ہدایت پر</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>صدارت</translation>
    </message>
    <message>
        <source>Committee</source>
        <translation>کمیٹی</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>فیصلے</translation>
    </message>
    <message>
        <source>District monitoring</source>
        <translation>ڈسٹرکٹ مانیٹرنگ کمیٹی</translation>
    </message>
    <message>
        <source>District vigilance</source>
        <translation>ڈسٹرکٹ ویجیلنس کمیٹی</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>مکمل</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>تکمیل کی تاریخ</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>ترک کر دیا گیا</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>مقررہ تاریخ</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>فالو اپ</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>اجلاس</translation>
    </message>
    <message>
        <source>Owner agency</source>
        <translation>ذمہ دار ادارہ</translation>
    </message>
    <message>
        <source>Partner agencies</source>
        <translation>شریک ادارے</translation>
    </message>
    <message>
        <source>Partner agencies on inspections</source>
        <translation>معائنوں میں شریک ادارے</translation>
    </message>
    <message>
        <source>Representative</source>
        <translation>نمائندہ</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>مقام</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>اہداف</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>ہدف</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>پیمانہ</translation>
    </message>
    <message>
        <source>Period start</source>
        <translation>مدت کا آغاز</translation>
    </message>
    <message>
        <source>Period end</source>
        <translation>مدت کا اختتام</translation>
    </message>
    <message>
        <source>For station</source>
        <translation>کس تھانے کے لیے</translation>
    </message>
    <message>
        <source>Agencies registered</source>
        <translation>رجسٹرڈ ٹریول ایجنسیاں</translation>
    </message>
    <message>
        <source>Followups overdue</source>
        <translation>تاخیر شدہ فالو اپ</translation>
    </message>
    <message>
        <source>Tips closed</source>
        <translation>بند کی گئی اطلاعات</translation>
    </message>
    <message>
        <source>Targets this period</source>
        <translation>اس مدت کے اہداف</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>نتیجہ</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>حاصل</translation>
    </message>
    <message>
        <source>Back to the form</source>
        <translation>فارم پر واپس جائیں</translation>
    </message>
    <message>
        <source>Calendar (F4)</source>
        <translation>کیلنڈر (F4)</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>ضائع کریں</translation>
    </message>
    <message>
        <source>Lock (Ctrl+L)</source>
        <translation>مقفل کریں (Ctrl+L)</translation>
    </message>
    <message>
        <source>Lock the register when you leave the computer: your typing is kept.</source>
        <translation>کمپیوٹر سے اٹھتے وقت رجسٹر مقفل کریں: آپ کا لکھا ہوا محفوظ رہے گا۔</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>فہرستِ صفحات</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>ٹھیک ہے</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>محفوظ کریں</translation>
    </message>
    <message>
        <source>Search: name, CNIC, phone, village…</source>
        <translation>تلاش: نام، شناختی کارڈ، فون، گاؤں…</translation>
    </message>
    <message>
        <source>Search: site, name, officer, date…</source>
        <translation>تلاش: جگہ، نام، افسر، تاریخ…</translation>
    </message>
    <message>
        <source>What you typed here is not saved. Save it, throw it away, or go back to the form?</source>
        <translation>یہاں لکھا ہوا محفوظ نہیں ہوا۔ محفوظ کریں، ضائع کریں، یا فارم پر واپس جائیں؟</translation>
    </message>
    <message>
        <source>Name (Urdu or English), part of a CNIC, phone or village. Ctrl+F: here; Down: to the list.</source>
        <translation>نام (اردو یا انگریزی)، شناختی کارڈ نمبر کا حصہ، فون نمبر یا گاؤں۔ Ctrl+F یہاں لاتا ہے؛ نیچے والا تیر فہرست میں لے جاتا ہے۔</translation>
    </message>
    <message>
        <source>The site, victim or child of the row, the officers, or a date (dd/mm/yyyy). Ctrl+F comes here.</source>
        <translation>وہ جگہ، متاثرہ فرد یا بچہ جس کا یہ اندراج ہے، افسران، یا تاریخ (dd/mm/yyyy)۔ Ctrl+F یہاں لاتا ہے۔</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>ملک</translation>
    </message>
    <message>
        <source>Head count</source>
        <translation>تعداد</translation>
    </message>
    <message>
        <source>In bondage</source>
        <translation>پیشگی میں جکڑے</translation>
    </message>
    <message>
        <source>Min. rate per 1,000</source>
        <translation>کم از کم اجرت فی ہزار</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>تاخیر شدہ</translation>
    </message>
    <message>
        <source>Rate per 1,000</source>
        <translation>اجرت فی ہزار</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>رجسٹریشن</translation>
    </message>
    <message>
        <source>Unaware of min. wage</source>
        <translation>کم از کم اجرت سے ناواقف</translation>
    </message>
    <message>
        <source>Willing complainant</source>
        <translation>مدعی بننے پر آمادہ</translation>
    </message>
    <message>
        <source>DEMO — invented data</source>
        <translation>ڈیمو — فرضی ڈیٹا</translation>
    </message>
    <message>
        <source>Try the demo instead (invented data, not a station)</source>
        <translation>اس کے بجائے ڈیمو آزمائیں (فرضی ڈیٹا، کوئی تھانہ نہیں)</translation>
    </message>
    <message>
        <source>an anonymous tip keeps nothing that identifies the tipster: leave this blank</source>
        <translation>گمنام اطلاع میں اطلاع دہندہ کی شناخت کی کوئی چیز نہیں رکھی جاتی: اسے خالی چھوڑیں</translation>
    </message>
    <message>
        <source>name the agency that passed the tip on</source>
        <translation>اطلاع بھیجنے والے ادارے کا نام منتخب کریں</translation>
    </message>
    <message>
        <source>only a tip passed on by another agency names one</source>
        <translation>ادارے کا نام صرف اسی اطلاع میں ہوتا ہے جو کسی دوسرے ادارے نے بھیجی ہو</translation>
    </message>
    <message>
        <source>give the date the tip was verified</source>
        <translation>اطلاع کی تصدیق کی تاریخ لکھیں</translation>
    </message>
    <message>
        <source>say whether verification confirmed the tip or found it unfounded</source>
        <translation>بتائیں کہ تصدیق میں اطلاع درست پائی گئی یا بے بنیاد</translation>
    </message>
    <message>
        <source>cannot be before the tip was received</source>
        <translation>اطلاع کی وصولی سے پہلے نہیں ہو سکتی</translation>
    </message>
    <message>
        <source>a tip is verified before action is taken on it</source>
        <translation>کارروائی سے پہلے اطلاع کی تصدیق ضروری ہے</translation>
    </message>
    <message>
        <source>a tip found unfounded takes no action: close it</source>
        <translation>بے بنیاد پائی گئی اطلاع پر کارروائی نہیں ہوتی: اسے بند کریں</translation>
    </message>
    <message>
        <source>link the inspection, case or referral that was the action</source>
        <translation>جو معائنہ، مقدمہ یا ریفرل کارروائی تھا اسے منسلک کریں</translation>
    </message>
    <message>
        <source>give the date the action was taken</source>
        <translation>کارروائی کی تاریخ لکھیں</translation>
    </message>
    <message>
        <source>cannot be before the verification</source>
        <translation>تصدیق سے پہلے نہیں ہو سکتی</translation>
    </message>
    <message>
        <source>a tip is closed after the action taken, or when verification found it unfounded</source>
        <translation>اطلاع کارروائی کے بعد، یا تصدیق میں بے بنیاد پائے جانے پر ہی بند کی جاتی ہے</translation>
    </message>
    <message>
        <source>cannot be before the action taken</source>
        <translation>کارروائی سے پہلے نہیں ہو سکتی</translation>
    </message>
    <message>
        <source>this tip was saved with the tipster's name or number, which its history keeps: delete it and record it again as an anonymous tip</source>
        <translation>یہ اطلاع، اطلاع دہندہ کے نام یا نمبر کے ساتھ محفوظ ہوئی تھی جو اس کی تاریخچہ میں موجود ہے: اسے حذف کر کے گمنام اطلاع کے طور پر دوبارہ درج کریں</translation>
    </message>
    <message>
        <source>cannot be before the advisory was posted</source>
        <translation>انتباہ آویزاں کرنے کی تاریخ سے پہلے نہیں ہو سکتی</translation>
    </message>
    <message>
        <source>give the date someone went back to look</source>
        <translation>دوبارہ جانچ کی تاریخ لکھیں</translation>
    </message>
    <message>
        <source>give the date the action was done</source>
        <translation>تکمیل کی تاریخ لکھیں</translation>
    </message>
    <message>
        <source>an action with a date done is done</source>
        <translation>جس نکتے کی تکمیل کی تاریخ لکھی ہو وہ مکمل ہے</translation>
    </message>
    <message>
        <source>the period ends before it starts</source>
        <translation>مدت شروع ہونے سے پہلے ختم ہو رہی ہے</translation>
    </message>
    <message>
        <source>a target's period is at most a year</source>
        <translation>ہدف کی مدت زیادہ سے زیادہ ایک سال ہو سکتی ہے</translation>
    </message>
    <message>
        <source>Tips received</source>
        <translation>موصول اطلاعات</translation>
    </message>
    <message>
        <source>Tips received: citizen app</source>
        <translation>موصول اطلاعات: شہری ایپ</translation>
    </message>
    <message>
        <source>Tips received: helpline</source>
        <translation>موصول اطلاعات: ہیلپ لائن</translation>
    </message>
    <message>
        <source>Tips received: walk in</source>
        <translation>موصول اطلاعات: خود حاضر ہو کر</translation>
    </message>
    <message>
        <source>Tips received: other agency</source>
        <translation>موصول اطلاعات: دوسرا ادارہ</translation>
    </message>
    <message>
        <source>Tips received anonymously</source>
        <translation>گمنام موصول اطلاعات</translation>
    </message>
    <message>
        <source>Tips verified</source>
        <translation>تصدیق شدہ اطلاعات</translation>
    </message>
    <message>
        <source>Tips confirmed</source>
        <translation>درست پائی گئی اطلاعات</translation>
    </message>
    <message>
        <source>Tips found unfounded</source>
        <translation>بے بنیاد پائی گئی اطلاعات</translation>
    </message>
    <message>
        <source>Tips verified by the due date</source>
        <translation>مقررہ تاریخ تک تصدیق شدہ اطلاعات</translation>
    </message>
    <message>
        <source>Tips acted on</source>
        <translation>اطلاعات جن پر کارروائی ہوئی</translation>
    </message>
    <message>
        <source>Tips acted on: inspections</source>
        <translation>کارروائی: معائنے</translation>
    </message>
    <message>
        <source>Tips acted on: cases</source>
        <translation>کارروائی: مقدمات</translation>
    </message>
    <message>
        <source>Tips acted on: referrals</source>
        <translation>کارروائی: ریفرل</translation>
    </message>
    <message>
        <source>Tips open at the period end</source>
        <translation>مدت کے اختتام پر زیر کارروائی اطلاعات</translation>
    </message>
    <message>
        <source>Tips with a step overdue at the period end</source>
        <translation>مدت کے اختتام پر تاخیر شدہ مرحلے والی اطلاعات</translation>
    </message>
    <message>
        <source>Awareness sessions held</source>
        <translation>منعقدہ آگاہی نشستیں</translation>
    </message>
    <message>
        <source>People reached by awareness sessions</source>
        <translation>آگاہی نشستوں کے شرکاء</translation>
    </message>
    <message>
        <source>Advisories checked again</source>
        <translation>دوبارہ جانچے گئے عوامی انتباہ</translation>
    </message>
    <message>
        <source>Advisories still up when checked</source>
        <translation>جانچ پر اب بھی آویزاں انتباہ</translation>
    </message>
    <message>
        <source>Officer trainings held</source>
        <translation>افسران کی منعقدہ تربیتیں</translation>
    </message>
    <message>
        <source>Training hours</source>
        <translation>تربیت کے گھنٹے</translation>
    </message>
    <message>
        <source>Committee meetings held</source>
        <translation>کمیٹی کے منعقدہ اجلاس</translation>
    </message>
    <message>
        <source>Agencies present, summed over the meetings</source>
        <translation>اجلاسوں میں موجود ادارے (کل تعداد)</translation>
    </message>
    <message>
        <source>Action items set</source>
        <translation>مقرر کیے گئے عملدرآمد کے نکات</translation>
    </message>
    <message>
        <source>Action items done</source>
        <translation>مکمل عملدرآمد کے نکات</translation>
    </message>
    <message>
        <source>Action items done by the due date</source>
        <translation>مقررہ تاریخ تک مکمل نکات</translation>
    </message>
    <message>
        <source>Action items open at the period end</source>
        <translation>مدت کے اختتام پر حل طلب نکات</translation>
    </message>
    <message>
        <source>Action items overdue at the period end</source>
        <translation>مدت کے اختتام پر تاخیر شدہ نکات</translation>
    </message>
    <message>
        <source>Joint inspections with partner agencies</source>
        <translation>شریک اداروں کے ساتھ مشترکہ معائنے</translation>
    </message>
    <message>
        <source>Overdue: tip steps</source>
        <translation>تاخیر شدہ: اطلاعات کے مراحل</translation>
    </message>
    <message>
        <source>Overdue: committee action items</source>
        <translation>تاخیر شدہ: کمیٹی کے عملدرآمد کے نکات</translation>
    </message>
    <message>
        <source>Awareness and training</source>
        <translation>آگاہی اور تربیت</translation>
    </message>
    <message>
        <source>Monitoring committee</source>
        <translation>مانیٹرنگ کمیٹی</translation>
    </message>
    <message>
        <source>Awareness sessions: school</source>
        <translation>آگاہی نشستیں: اسکول</translation>
    </message>
    <message>
        <source>Awareness sessions: college</source>
        <translation>آگاہی نشستیں: کالج</translation>
    </message>
    <message>
        <source>Awareness sessions: madrassa</source>
        <translation>آگاہی نشستیں: مدرسہ</translation>
    </message>
    <message>
        <source>Awareness sessions: brick kiln</source>
        <translation>آگاہی نشستیں: اینٹوں کا بھٹہ</translation>
    </message>
    <message>
        <source>Awareness sessions: workshop</source>
        <translation>آگاہی نشستیں: ورکشاپ</translation>
    </message>
    <message>
        <source>Awareness sessions: travel agency</source>
        <translation>آگاہی نشستیں: ٹریول ایجنسی</translation>
    </message>
    <message>
        <source>Awareness sessions: bus terminal</source>
        <translation>آگاہی نشستیں: بس اڈا</translation>
    </message>
    <message>
        <source>Awareness sessions: public place</source>
        <translation>آگاہی نشستیں: عوامی مقام</translation>
    </message>
    <message>
        <source>Awareness sessions: mosque</source>
        <translation>آگاہی نشستیں: مسجد</translation>
    </message>
    <message>
        <source>Awareness sessions: other</source>
        <translation>آگاہی نشستیں: دیگر</translation>
    </message>
    <message>
        <source>Joint inspections: Police</source>
        <translation>مشترکہ معائنے: پولیس</translation>
    </message>
    <message>
        <source>Joint inspections: FIA</source>
        <translation>مشترکہ معائنے: ایف آئی اے</translation>
    </message>
    <message>
        <source>Joint inspections: Intelligence bureau</source>
        <translation>مشترکہ معائنے: انٹیلی جنس بیورو</translation>
    </message>
    <message>
        <source>Joint inspections: Labour</source>
        <translation>مشترکہ معائنے: محکمہ محنت (لیبر ڈیپارٹمنٹ)</translation>
    </message>
    <message>
        <source>Joint inspections: Child protection bureau</source>
        <translation>مشترکہ معائنے: چائلڈ پروٹیکشن بیورو</translation>
    </message>
    <message>
        <source>Joint inspections: Social welfare</source>
        <translation>مشترکہ معائنے: سماجی بہبود</translation>
    </message>
    <message>
        <source>Joint inspections: District administration</source>
        <translation>مشترکہ معائنے: ضلعی انتظامیہ</translation>
    </message>
    <message>
        <source>Joint inspections: Health</source>
        <translation>مشترکہ معائنے: صحت</translation>
    </message>
    <message>
        <source>Joint inspections: Education</source>
        <translation>مشترکہ معائنے: تعلیم</translation>
    </message>
    <message>
        <source>Joint inspections: Legal aid</source>
        <translation>مشترکہ معائنے: قانونی امداد</translation>
    </message>
    <message>
        <source>Joint inspections: Civil society</source>
        <translation>مشترکہ معائنے: سول سوسائٹی</translation>
    </message>
    <message>
        <source>No backup of this register has been made yet: the SHO should make one now.</source>
        <translation>اس رجسٹر کا ابھی تک کوئی بیک اپ نہیں بنا: ایس ایچ او ابھی ایک بنائے۔</translation>
    </message>
    <message>
        <source>Last good backup: %1.</source>
        <translation>آخری درست بیک اپ: %1۔</translation>
    </message>
    <message>
        <source>It is more than a week old: make a backup now.</source>
        <translation>یہ ایک ہفتے سے زیادہ پرانا ہے: ابھی بیک اپ بنائیں۔</translation>
    </message>
    <message>
        <source>The last automatic backup could not be written everywhere: the SHO should check it.</source>
        <translation>پچھلا خودکار بیک اپ ہر جگہ نہیں لکھا جا سکا: ایس ایچ او اسے دیکھے۔</translation>
    </message>
</context>
</TS>
