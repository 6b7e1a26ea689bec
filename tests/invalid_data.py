"""The broken data files of tests/fixtures/invalid/ and the one line each must produce.

Shared by the layers that feed them to `make check` (unit) and to `make site` (build).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from support import ROOT, TESTS

FIXTURES = TESTS / "fixtures" / "invalid"

#: fixture <case>.<data file>.yml -> the line `make check` must print for it
EXPECTED = {
    "yaml-syntax": 'data/people.yml:3:34: w nawiasach { … } tekst z przecinkiem, dwukropkiem albo '
                   'cudzysłowem musi być w cudzysłowie, a każdy cudzysłów musi być zamknięty — sprawdź '
                   'cudzysłowy w tej linii',
    "tab-indentation": 'data/people.yml:4:1: wcięcie zrobiono tabulatorem — wcinaj tylko spacjami',
    "duplicate-key": "data/people.yml:5:3: pole 'role' występuje dwa razy w tym samym miejscu (pierwszy "
                     'raz w wierszu 4) — zostałoby tylko jedno, więc usuń albo popraw jedno z nich',
    "duplicate-id": "data/people.yml:6:7: identyfikator 'jan-kowalski' występuje dwa razy (także we "
                    'wpisie nr 1) — każdy wpis musi mieć własny identyfikator',
    "missing-translation": "data/people.yml:4:5: osoba 'jan-kowalski': brakuje: name.be („imię i "
                           'nazwisko”, wersja białoruska) — każdy tekst ma wersję polską i białoruską: '
                           "dopisz linię 'be: …' z takim samym wcięciem jak druga wersja albo oznacz "
                           'wpis jako wersję roboczą (draft: true)',
    "empty-text": "data/people.yml:3:14: osoba 'jan-kowalski': puste pole: name.pl („imię i nazwisko”, "
                  'wersja polska) — każdy tekst ma wersję polską i białoruską',
    "unknown-field": "data/people.yml:5:3: osoba 'jan-kowalski': nieznane pole 'organsation' — sprawdź "
                     "pisownię (czy chodziło o 'organisation'?); dozwolone tutaj: draft, id, name, "
                     'role, organisation, notes',
    "text-for-number": "data/instruments.yml:8:16: instrument 'dotacja-testowa': amounts[1].max_pln "
                       '(„maksymalna kwota w złotych”) musi być liczbą całkowitą bez spacji i bez „zł” '
                       "(jest '24 000 zł') — wpisz 24000",
    "zero-amount": "data/instruments.yml:8:16: instrument 'dotacja-testowa': amounts[1].max_pln "
                   '(„maksymalna kwota w złotych”) musi być większe od 0 (jest 0)',
    "negative-amount": "data/instruments.yml:8:16: instrument 'dotacja-testowa': amounts[1].max_pln "
                       '(„maksymalna kwota w złotych”) musi być większe od 0 (jest -500)',
    "unknown-category": "data/instruments.yml:3:13: instrument 'dotacja-testowa': category "
                        "(„kategoria”): nieznana wartość 'grants' (czy chodziło o 'grant'?) — użyj "
                        'jednej z: information, animation, advisory, training, employment, grant, '
                        'bridging, voucher, specialist_advisory',
    "unknown-unit": "data/instruments.yml:9:12: instrument 'dotacja-testowa': amounts[1].per („liczona "
                    "na”): nieznana wartość 'per_hour' — użyj jednej z: person_or_workplace, person, "
                    'workplace, new_employee',
    "unknown-reference": "data/people.yml:5:17: osoba 'jan-kowalski': organisation wskazuje "
                         "'rops-lubin', którego nie ma (czy chodziło o 'rops-lublin'?) — sprawdź "
                         'identyfikator w data/organisations.yml',
    "impossible-date": "data/events.yml:6:9: wydarzenie 'spotkanie': date („data”): '2019-09-31' to "
                       'nieistniejąca data — sprawdź dzień i miesiąc (RRRR-MM-DD)',
    "date-as-text": "data/events.yml:6:9: wydarzenie 'spotkanie': date („data”) musi być datą w postaci "
                    "RRRR-MM-DD (jest '24.09.2019') — wpisz date: 2019-09-24",
    "bad-url": "data/people.yml:8:15: osoba 'jan-kowalski': notes[1].source („źródło uwagi”) musi być "
               "linkiem zaczynającym się od https://, http:// albo mailto: (jest 'javascript:alert(1)')",
    "not-utf8": 'data/people.yml:3:23: plik nie jest zapisany jako UTF-8 (wygląda na Windows-1250) — '
                'otwórz go i zapisz ponownie z kodowaniem UTF-8',
    "empty-file": 'data/people.yml:1:1: plik jest pusty — muszą w nim być wpisy',
    "only-comments": 'data/people.yml:1:1: plik jest pusty — muszą w nim być wpisy',
    "id-is-a-page": "data/organisations.yml:2:7: organizacja 'index': identyfikator 'index' dałby "
                    'stronie ten sam adres co strona działu (docs/organizacje/index.md) — wybierz inny '
                    'identyfikator',
    "event-past-year-9999": "data/events.yml:6:9: wydarzenie 'spotkanie': date: wydarzenie 9999-12-31 "
                            'trwające 2 dni skończyłoby się po ostatnim dniu, jaki mieści kalendarz — '
                            'sprawdź rok',
    "huge-days": "data/events.yml:7:9: wydarzenie 'spotkanie': days: 100000000000 dni to więcej niż rok "
                 '— sprawdź days (najwyżej 366)',
    "valid-to-before-from": "data/instruments.yml:8:13: instrument 'dotacja-testowa': valid_to "
                            '(2027-01-31) jest przed valid_from (2027-06-01) — sprawdź obie daty',
    "cyrillic-lost": "data/people.yml:5:9: osoba 'jan-kowalski': name.be wygląda na uszkodzony: w "
                     "miejscu liter stoi '???' — litery cyrylicy zginęły, gdy plik zapisano w kodowaniu "
                     'bez nich (np. ANSI albo Windows-1250); przywróć ostatnią dobrą wersję z git '
                     '(data/README.md) i zapisz plik jako UTF-8',
    "copied-from-polish": "data/people.yml:4:34: osoba 'jan-kowalski': role.be jest taki sam jak tekst "
                          'polski — przetłumacz go na białoruski',
    "no-cyrillic": "data/people.yml:4:34: osoba 'jan-kowalski': role.be nie ma liter cyrylicy — czy to "
                   'nadal tekst polski? przetłumacz go na białoruski',
    "placeholder": "data/people.yml:4:34: osoba 'jan-kowalski': role.be to tekst zastępczy ('TODO') — "
                   'wpisz tekst białoruski',
    "alias-bomb": "data/people.yml:10:13: '&a' oznacza fragment do powtórzenia gdzie indziej (kotwica "
                  "YAML), czego tu nie obsługujemy — usuń '&a' i wpisz każdy tekst w całości",
    "recursive-alias": "data/people.yml:4:48: '*role' powtarza fragment oznaczony gdzie indziej (alias "
                       'YAML), czego tu nie obsługujemy — wpisz zamiast tego cały tekst',
    "merge-key": "data/people.yml:4:3: '<<:' kopiuje pola z innego miejsca (klucz scalania YAML), czego "
                 'tu nie obsługujemy — wpisz pola w całości',
    "yaml-tag": "data/people.yml:4:14: '!!binary' (znacznik YAML) nie jest tu obsługiwany — usuń go; "
                'aby wartość pozostała tekstem, ujmij ją w cudzysłów',
    "deep-nesting": 'data/people.yml:5:28: listy i grupy pól są tu zagnieżdżone głębiej niż na 20 '
                    'poziomów — wpis potrzebuje tylko kilku; sprawdź nawiasy [ ] i { } w tej linii i '
                    'obok',
    "list-as-key": 'data/people.yml:5:5: lista ani grupa pól nie może być nazwą pola — nazwa pola to '
                   "słowo z dwukropkiem, np. 'name:'",
    "bracket-key": 'data/people.yml:4:3: lista ani grupa pól nie może być nazwą pola — nazwa pola to '
                   "słowo z dwukropkiem, np. 'name:'",
    "number-key": "data/people.yml:5:3: osoba 'jan-kowalski': nieznane pole '1' — sprawdź pisownię; "
                  'dozwolone tutaj: draft, id, name, role, organisation, notes',
    "second-document": "data/people.yml:5:1: tu zaczyna się drugi dokument (linia '---') — plik z "
                       'danymi zawiera jedną listę wpisów; usuń tę linię',
    "id-newline": "data/people.yml:2:7: osoba 'jan-↵kowalski': id („identyfikator”) 'jan-↵kowalski' nie "
                  'jest poprawnym identyfikatorem — użyj małych liter bez polskich znaków, cyfr i '
                  "myślników: 'jan-kowalski'",
    "vertical-tab": 'data/people.yml:4:20: w tekście jest tabulator pionowy (U+000B) — pochodzi z '
                    'wklejenia z Worda (Shift+Enter); zamień go na spację',
    "nul-byte": 'data/people.yml:4:20: w tekście jest znak NUL (U+0000) — plik może być uszkodzony; '
                'usuń ten znak albo wpisz tekst wokół niego od nowa',
    "control-character": 'data/people.yml:4:21: w tekście jest niewidoczny znak sterujący (U+0096) — '
                         'zwykle w tym miejscu był myślnik albo cudzysłów, który zginął przy '
                         'kopiowaniu; wpisz ten znak od nowa',
    "line-separator": 'data/people.yml:4:20: w tekście jest niewidoczny podział linii (U+2028) — '
                      'pochodzi z wklejonego tekstu; zamień go na spację',
    "escaped-control": 'data/people.yml:4:14: tekst w cudzysłowie zawiera tabulator pionowy (U+000B), '
                       'zapisany ukośnikiem wstecznym — usuń go',
    "utf16": 'data/people.yml:1:1: plik zapisano jako UTF-16 (Notatnik nazywa to „Unicode”) — otwórz go '
             'i zapisz ponownie z kodowaniem UTF-8',
    "leading-zero": 'data/instruments.yml:8:16: 024000: liczba nie może zaczynać się od 0 — wpisz 24000 '
                    "albo '024000' w cudzysłowie, jeśli to nie liczba (np. numer telefonu)",
    "hex-number": 'data/instruments.yml:8:16: 0x5DC0: liczbę trzeba zapisać zwykłymi cyframi, nie w '
                  'zapisie szesnastkowym — wpisz 24000 albo ujmij ją w cudzysłów, jeśli to tekst',
    "underscore-number": "data/instruments.yml:8:16: 24_000: liczbę trzeba zapisać bez '_' — wpisz 24000",
    "infinity": 'data/instruments.yml:8:16: .inf: YAML czyta to jako „nieskończoność”, a takiej liczby '
                'nie można tu użyć — wpisz liczbę cyframi albo ujmij ją w cudzysłów, jeśli to tekst',
    "base-60": "data/instruments.yml:8:16: instrument 'dotacja-testowa': amounts[1].max_pln "
               '(„maksymalna kwota w złotych”) musi być liczbą całkowitą bez spacji i bez „zł” (jest '
               "'1:20')",
    "yes-for-true": "data/instruments.yml:9:16: instrument 'dotacja-testowa': amounts[1].founder "
                    "(„liczona na założyciela”) musi mieć wartość true albo false (jest 'yes') — wpisz "
                    'founder: true',
    "dot-thousands": "data/instruments.yml:8:16: instrument 'dotacja-testowa': amounts[1].max_pln "
                     '(„maksymalna kwota w złotych”): 1.200 odczytano jako ułamek dziesiętny 1,2: '
                     'kropka nie oddziela tysięcy — wpisz 1200',
    "nbsp-after-pl": "data/people.yml:4:8: po 'pl:' zamiast zwykłej spacji wpisano twardą spację "
                     '(U+00A0), więc YAML nie widzi tu pola — zamień ją na zwykłą spację',
    "polish-id": "data/organisations.yml:2:7: organizacja 'kuźnia-talentów': id („identyfikator”) "
                 "'kuźnia-talentów' nie jest poprawnym identyfikatorem — użyj małych liter bez polskich "
                 "znaków, cyfr i myślników: 'kuznia-talentow'",
    "quoted-amount": "data/instruments.yml:8:16: instrument 'dotacja-testowa': amounts[1].max_pln "
                     "(„maksymalna kwota w złotych”): '25000' stoi w cudzysłowie, więc jest tekstem, a "
                     'nie liczbą — usuń cudzysłów: max_pln: 25000',
    "quoted-date": "data/events.yml:6:9: wydarzenie 'spotkanie': date („data”): '2027-04-15' stoi w "
                   'cudzysłowie, więc jest tekstem, a nie datą — usuń cudzysłów: date: 2027-04-15',
}

#: fixtures whose file has more than its one expected problem: how many lines it gives (the
#: expected one among them) — an alias bomb lists ten of its repeated parts, then counts the rest
PROBLEM_COUNT = {"alias-bomb": 11, "recursive-alias": 2}


def data_with(tmp_path: Path, fixture: Path) -> Path:
    """A copy of the shipped data/ with one file replaced by ``fixture``."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    target = fixture.name.split(".")[-2]
    shutil.copyfile(fixture, data / f"{target}.yml")
    return data
