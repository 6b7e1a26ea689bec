"""The project's search query set: what readers type, and the page they want in the top five.

Built from the shipped data (data/*.yml, docs/): inflected forms, words typed without
Polish letters, quotation marks typed with the word, people and places that have no page of
their own, in both languages. ``tests/test_search_queries.py`` types every query into the
search box in Chromium, key by key, and requires ``HIT_RATE`` of them to find their page
among the first five results; ``tools/bench`` measures candidate engines with the same set.
"""

from __future__ import annotations

#: the share of queries that must find their page in the top five
HIT_RATE = 0.95
TOP = 5

#: (language, query as typed, expected page relative to the language's root)
QUERIES: list[tuple[str, str, str]] = [
    # -- Polish: the examples of issue 17 --
    ("pl", "spółdzielnia socjalna", "instrumenty/dotacja-spoldzielnia/"),
    ("pl", "dotacje", "instrumenty/dotacja-spoldzielnia/"),
    ("pl", "szkolenie", "instrumenty/szkolenia-wyjazdowe/"),
    ("pl", "zatrudnienie", "instrumenty/wsparcie-zatrudnienia/"),
    ("pl", "Mieniany", "organizacje/cis-mieniany/"),
    ("pl", "kuznia talentow", "organizacje/kuznia-talentow/"),
    ("pl", "Zamosc", "organizacje/centrum-wsparcia-chelm-zamosc/"),
    ("pl", "spoldzielnia", "instrumenty/dotacja-spoldzielnia/"),
    ("pl", "„Dom", "organizacje/dom-nasutow/"),
    ("pl", "„Kuźnia Talentów”", "organizacje/kuznia-talentow/"),
    ("pl", "Rumak", "wydarzenia/wizyta-delegacji-2019/"),
    ("pl", "delegacja białoruska", "wydarzenia/wizyta-delegacji-2019/"),
    # -- Polish: people and places named by records --
    ("pl", "Stefaniuk", "wydarzenia/spotkanie-urzad-marszalkowski/"),
    ("pl", "Dariusz Stefaniuk", "organizacje/urzad-marszalkowski/"),
    ("pl", "Aleksander Rumak", "organizacje/ministerstwo-pracy-bialorus/"),
    ("pl", "Hrubieszów", "organizacje/cis-mieniany/"),
    ("pl", "hrubieszow", "organizacje/cis-mieniany/"),
    ("pl", "Chełm", "organizacje/centrum-wsparcia-chelm-zamosc/"),
    ("pl", "Lubelszczyzna", "wydarzenia/wizyta-delegacji-2019/"),
    ("pl", "Curie-Skłodowskiej", "organizacje/umcs/"),
    ("pl", "uniwersytet lublin", "organizacje/umcs/"),
    # -- Polish: names, inflection, no diacritics --
    ("pl", "bon szkoleniowy", "instrumenty/bon-szkoleniowy/"),
    ("pl", "wsparcie pomostowe", "instrumenty/wsparcie-pomostowe/"),
    ("pl", "doradztwo specjalistyczne", "instrumenty/doradztwo-specjalistyczne/"),
    ("pl", "animacja lokalna", "instrumenty/animacja/"),
    ("pl", "Domu Nasutów", "organizacje/dom-nasutow/"),
    ("pl", "seminarium", "wydarzenia/seminarium-oecd/"),
    ("pl", "OECD", "organizacje/oecd/"),
    ("pl", "ROPS", "organizacje/rops-lublin/"),
    ("pl", "urzad marszalkowski", "organizacje/urzad-marszalkowski/"),
    ("pl", "ministerstwo spraw zagranicznych", "organizacje/msz/"),
    ("pl", "ochrona socjalna Białoruś", "organizacje/ministerstwo-pracy-bialorus/"),
    ("pl", "przedsiębiorczość społeczna nauka", "wydarzenia/spotkanie-umcs/"),
    ("pl", "otwarte dane", "dane/"),
    # -- Belarusian: the examples of issue 17 --
    ("be", "занятасць", "instrumenty/wsparcie-zatrudnienia/"),
    ("be", "Мяняны", "organizacje/cis-mieniany/"),
    ("be", "«Kuźnia", "organizacje/kuznia-talentow/"),
    # -- Belarusian: inflection, a Russian keyboard, Polish originals --
    ("be", "Мянянах", "organizacje/cis-mieniany/"),
    ("be", "занятасци", "instrumenty/wsparcie-zatrudnienia/"),
    ("be", "Кузня талентаў", "organizacje/kuznia-talentow/"),
    ("be", "сацыяльны кааператыў", "instrumenty/dotacja-spoldzielnia/"),
    ("be", "датацыя", "instrumenty/dotacja-spoldzielnia/"),
    ("be", "выязныя навучанні", "instrumenty/szkolenia-wyjazdowe/"),
    ("be", "ваўчар", "instrumenty/bon-szkoleniowy/"),
    ("be", "маставая падтрымка", "instrumenty/wsparcie-pomostowe/"),
    ("be", "спецыялізаванае кансультаванне", "instrumenty/doradztwo-specjalistyczne/"),
    ("be", "мясцовая анімацыя", "instrumenty/animacja/"),
    ("be", "Румак", "wydarzenia/wizyta-delegacji-2019/"),
    ("be", "Стэфанюк", "wydarzenia/spotkanie-urzad-marszalkowski/"),
    ("be", "беларуская дэлегацыя", "wydarzenia/wizyta-delegacji-2019/"),
    ("be", "Замасць", "organizacje/centrum-wsparcia-chelm-zamosc/"),
    ("be", "Хелм", "organizacje/centrum-wsparcia-chelm-zamosc/"),
    ("be", "Грубешаў", "organizacje/cis-mieniany/"),
    ("be", "універсітэт Люблін", "organizacje/umcs/"),
    ("be", "АЭСР", "organizacje/oecd/"),
    ("be", "семінар", "wydarzenia/seminarium-oecd/"),
    ("be", "«Дом Насутаў»", "organizacje/dom-nasutow/"),
    ("be", "міністэрства замежных спраў", "organizacje/msz/"),
    ("be", "апарат маршалка", "organizacje/urzad-marszalkowski/"),
    ("be", "Любліншчына", "wydarzenia/wizyta-delegacji-2019/"),
    ("be", "Mieniany", "organizacje/cis-mieniany/"),
    ("be", "адкрытыя даныя", "dane/"),
]
