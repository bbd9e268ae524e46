"""A campaign's funding programme becomes a row of its own (``FundingProgramme``) instead of free text.

Every distinct non-empty text becomes a programme per funder among the campaigns carrying it; its period runs from
the first of their start dates to the last of their end dates. A programme needs a funder, so:

- a text whose campaigns name exactly one funder becomes one programme of that name; its campaigns without a
  funder are linked too and take that funder (a campaign's funder is its programme's from now on);
- a text whose campaigns name several funders becomes one programme per funder, named "text (funder)";
  campaigns without a funder then stay unlinked, as it cannot be told whose action they were;
- a text none of whose campaigns has a funder creates nothing: those campaigns stay unlinked.

Backwards, the text comes back from the programme's name; the programmes stay, and are found again (by name and
funder) on the way forward."""

from collections import defaultdict

from django.db import migrations


def programmes_from_text(apps, schema_editor):
    Campaign = apps.get_model("campaigns", "Campaign")
    FundingProgramme = apps.get_model("campaigns", "FundingProgramme")
    by_text = defaultdict(list)
    for campaign in Campaign.objects.exclude(funding_programme="").select_related("funder").order_by("pk"):
        by_text[campaign.funding_programme.strip()].append(campaign)
    taken = set(FundingProgramme.objects.values_list("name", flat=True))
    for text, campaigns in sorted(by_text.items()):
        funders = {campaign.funder_id: campaign.funder for campaign in campaigns if campaign.funder_id}
        for funder_id, funder in sorted(funders.items()):
            linked = [c for c in campaigns if c.funder_id == funder_id or (len(funders) == 1 and not c.funder_id)]
            name = text if len(funders) == 1 else f"{text} ({funder.name})"
            programme = FundingProgramme.objects.filter(name=name, funder_id=funder_id).first()  # back and forth
            if programme is None:
                while name in taken:
                    name = f"{name} ({funder_id})"
                taken.add(name)
                starts = [c.starts_on for c in linked if c.starts_on] or [c.created_at.date() for c in linked]
                ends = [c.ends_on for c in linked if c.ends_on] or starts
                programme = FundingProgramme.objects.create(
                    name=name[:200], funder_id=funder_id, starts_on=min(starts), ends_on=max(max(ends), min(starts))
                )
            Campaign.objects.filter(pk__in=[c.pk for c in linked]).update(programme=programme, funder_id=funder_id)


def text_from_programmes(apps, schema_editor):
    Campaign = apps.get_model("campaigns", "Campaign")
    for campaign in Campaign.objects.filter(programme__isnull=False).select_related("programme"):
        campaign.funding_programme = campaign.programme.name[:200]
        campaign.save(update_fields=["funding_programme"])


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0015_funding_programmes_and_screening_partners"),
    ]

    operations = [
        migrations.RunPython(programmes_from_text, text_from_programmes),
        migrations.RemoveField(model_name="campaign", name="funding_programme"),
    ]
