"""The rest of the first seeds' hand-written slugs in other transliterations (я → ya, ю → yu, ё → yo, й → y,
х → h, ц → c) move to the portal's (portal.slugs, ICAO: ia, iu, e, i, kh, ts), as 0011 did for nine of them: the
pages below them follow, and every old address redirects permanently. The parents' consultation form, a route of
the centres' page, also moved (konsultaciya → konsultatsiia): its old addresses redirect too."""

from django.db import migrations

from portal import slug_renames

RENAMED = {
    "abilimpiks-proforientatsiya-i-pomoshch-v-trudoustroystve": "abilimpiks-proforientatsiia-i-pomoshch-v-trudoustroistve",
    "atlas-vostrebovannykh-professiy": "atlas-vostrebovannykh-professii",
    "centry": "tsentry",
    "chto-ya-lyublyu-i-umeyu": "chto-ia-liubliu-i-umeiu",
    "ekskursiya-s-roditelyami-gde-rabotayut-vzroslye": "ekskursiia-s-roditeliami-gde-rabotaiut-vzroslye",
    "hochu-mogu-nado": "khochu-mogu-nado",
    "igra-komu-chto-nuzhno-dlya-raboty": "igra-komu-chto-nuzhno-dlia-raboty",
    "igra-rabotay-v-habarovskom-krae": "igra-rabotai-v-khabarovskom-krae",
    "igrovaya-sessiya-kadrovyy-shtab": "igrovaia-sessiia-kadrovyi-shtab",
    "igrovaya-sessiya-yarmarka-vakansiy": "igrovaia-sessiia-iarmarka-vakansii",
    "konkurs-vremya-vybirat-professiyu-mesto-dalniy-vostok": "konkurs-vremia-vybirat-professiiu-mesto-dalnii-vostok",
    "korabli-samolyoty-les-i-ryba": "korabli-samolety-les-i-ryba",
    "luchshie-praktiki-proforientacii-v-kolledzhakh": "luchshie-praktiki-proforientatsii-v-kolledzhakh",
    "masterskaya-yunyy-povar": "masterskaia-iunyi-povar",
    "morskoy-klass-vanino": "morskoi-klass-vanino",
    "moy-obrazovatelnyy-marshrut": "moi-obrazovatelnyi-marshrut",
    "pedagogicheskaya-proba-ya-obyasnyayu": "pedagogicheskaia-proba-ia-obiasniaiu",
    "proby-v-otdalyonnom-rayone": "proby-v-otdalennom-raione",
    "proekt-professii-moey-semi": "proekt-professii-moei-semi",
    "professii-kraya-vokrug-nas": "professii-kraia-vokrug-nas",
    "professii-ryadom-ekskursiya-v-kolledzh": "professii-riadom-ekskursiia-v-kolledzh",
    "professii-zdorovya": "professii-zdorovia",
    "profivoh-dlya-molodyozhi-s-ovz": "profivokh-dlia-molodezhi-s-ovz",
    "profivoh-medicinskiy-i-pedagogicheskiy-profili": "profivokh-meditsinskii-i-pedagogicheskii-profili",
    "profivoh-professionalnoe-samoopredelenie": "profivokh-professionalnoe-samoopredelenie",
    "profnavigator-budet-obnovlyatsya-ezhegodno": "profnavigator-budet-obnovliatsia-ezhegodno",
    "rannyaya-proforientaciya": "ranniaia-proforientatsiia",
    "roditelyam": "roditeliam",
    "rynok-truda-habarovskogo-kraya": "rynok-truda-khabarovskogo-kraia",
    "sobranie-1-4-chem-rebyonok-lyubit-zanimatsya": "sobranie-1-4-chem-rebenok-liubit-zanimatsia",
    "starshiy-tovarishch-nastavnichestvo-v-kolledzhe": "starshii-tovarishch-nastavnichestvo-v-kolledzhe",
    "start-proekta-uchis-i-rabotay-v-khabarovskom-krae": "start-proekta-uchis-i-rabotai-v-khabarovskom-krae",
    "syuzhetno-rolevaya-igra-bolnica": "siuzhetno-rolevaia-igra-bolnitsa",
    "tehnologiya-mir-professiy-kraya": "tekhnologiia-mir-professii-kraia",
    "vremya-vybirat-professiyu": "vremia-vybirat-professiiu",
    "vybiraem-vmeste-roditelskie-sobraniya": "vybiraem-vmeste-roditelskie-sobraniia",
}

# Routes of a renamed page (RoutablePageMixin) that moved with it: {the page's new slug: {old route: new route}}.
ROUTES = {"tsentry": {"konsultaciya/": "konsultatsiia/", "konsultaciya/otpravleno/": "konsultatsiia/otpravleno/"}}


def rename(apps, schema_editor, renamed=RENAMED):
    Redirect = apps.get_model("wagtailredirects", "Redirect")
    redirected = set(Redirect.objects.values_list("pk", flat=True))
    slug_renames.rename(apps, renamed)
    # The page's own redirect was just made: its routes' old addresses lead to their new ones.
    made = Redirect.objects.exclude(pk__in=redirected).filter(redirect_page__slug__in=ROUTES).select_related(
        "redirect_page__locale"
    )
    for page_redirect in made:
        page = page_redirect.redirect_page
        new_path = slug_renames.public_path(page, page.url_path).rstrip("/") + "/"
        for old_route, new_route in ROUTES[page.slug].items():
            old_path = f"{page_redirect.old_path}/{old_route}".rstrip("/")
            if not Redirect.objects.filter(old_path=old_path, site=None).exists():
                Redirect.objects.create(
                    old_path=old_path, site=None, redirect_link=new_path + new_route, is_permanent=True
                )


def back(apps, schema_editor):
    Redirect = apps.get_model("wagtailredirects", "Redirect")
    Redirect.objects.filter(old_path__contains="/konsultaciya", redirect_page__isnull=True).delete()
    slug_renames.undo(apps, RENAMED)


class Migration(migrations.Migration):
    dependencies = [("portal", "0011_one_transliteration")]

    operations = [migrations.RunPython(rename, back)]
