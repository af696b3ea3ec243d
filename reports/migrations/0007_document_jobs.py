"""A booklet job becomes a document job: the same row also makes an annual report's draft PDF and
publication and a development plan's PDFs, naming its document by exactly one foreign key."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('plans', '0010_office_interface_digits'),
        ('reports', '0006_annual_report'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameModel("BookletJob", "DocumentJob"),
        migrations.AlterModelOptions(
            name='documentjob',
            options={'ordering': ['-created_at', '-pk'], 'verbose_name': 'งานจัดทำไฟล์เอกสาร', 'verbose_name_plural': 'งานจัดทำไฟล์เอกสาร'},
        ),
        migrations.AddField(
            model_name='documentjob',
            name='annual_publication',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='reports.annualpublication'),
        ),
        migrations.AddField(
            model_name='documentjob',
            name='annual_report',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='jobs', to='reports.annualreport', verbose_name='รายงานผลการดำเนินงาน'),
        ),
        migrations.AddField(
            model_name='documentjob',
            name='be_year',
            field=models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='ปี พ.ศ. ของรายงานผล'),
        ),
        migrations.AddField(
            model_name='documentjob',
            name='development_plan',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='plans.developmentplan', verbose_name='แผนพัฒนา'),
        ),
        migrations.AlterField(
            model_name='documentjob',
            name='booklet',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='jobs', to='reports.booklet', verbose_name='เล่มรายงาน'),
        ),
        migrations.AlterField(
            model_name='documentjob',
            name='kind',
            field=models.CharField(choices=[('pdf', 'PDF ฉบับร่าง'), ('publish', 'เผยแพร่'), ('excel', 'ตาราง Excel'), ('plan', 'PDF เอกสารแผน'), ('results', 'PDF ผลตามตัวชี้วัด')], max_length=10, verbose_name='งาน'),
        ),
        migrations.AddConstraint(
            model_name='documentjob',
            constraint=models.UniqueConstraint(condition=models.Q(('state__in', ['queued', 'running'])), fields=('annual_report', 'kind'), name='one_running_job_per_annual_report_and_kind'),
        ),
        migrations.AddConstraint(
            model_name='documentjob',
            constraint=models.UniqueConstraint(condition=models.Q(('kind', 'plan'), ('state__in', ['queued', 'running'])), fields=('development_plan',), name='one_running_plan_document_job'),
        ),
        migrations.AddConstraint(
            model_name='documentjob',
            constraint=models.UniqueConstraint(condition=models.Q(('kind', 'results'), ('state__in', ['queued', 'running'])), fields=('development_plan', 'be_year'), name='one_running_results_job_per_year'),
        ),
        migrations.AddConstraint(
            model_name='documentjob',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('annual_report__isnull', True), ('booklet__isnull', False), ('development_plan__isnull', True), ('kind__in', ['pdf', 'publish', 'excel'])), models.Q(('annual_report__isnull', False), ('booklet__isnull', True), ('development_plan__isnull', True), ('kind__in', ['pdf', 'publish'])), models.Q(('annual_report__isnull', True), ('booklet__isnull', True), ('development_plan__isnull', False), ('kind__in', ['plan', 'results'])), _connector='OR'), name='job_of_exactly_one_document_of_its_kind'),
        ),
        migrations.AddConstraint(
            model_name='documentjob',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('be_year__isnull', False), ('kind', 'results')), models.Q(models.Q(('kind', 'results'), _negated=True), ('be_year__isnull', True)), _connector='OR'), name='job_year_only_for_results'),
        ),
        migrations.AlterField(
            model_name='documentjob',
            name='phase',
            field=models.CharField(choices=[('queued', 'รอเครื่องประมวลผลว่าง'), ('figures', 'คำนวณตัวเลขจากข้อมูลที่บันทึก'), ('html', 'เรียงเนื้อหาเอกสาร'), ('pdf', 'จัดหน้า PDF'), ('excel', 'สร้างตาราง Excel'), ('saving', 'บันทึกไฟล์'), ('retrying', 'รอลองใหม่'), ('done', 'เสร็จแล้ว'), ('failed', 'ไม่สำเร็จ')], default='queued', max_length=10, verbose_name='ขั้นตอน'),
        ),
    ]
