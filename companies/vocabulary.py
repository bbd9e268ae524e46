"""The curated vocabulary: common occupations (with their ISCO-08 unit group) and competences in the sectors where
JobRoad candidates start (logistics, cleaning, production, construction, hospitality, care, retail, agriculture).
Labels in Dutch, French and English. These terms carry no ESCO URI: ``import_esco`` adds the official ESCO terms
beside them, and gives a curated term its URI when the label and ISCO code (or kind) agree exactly.

Seeded by migration 0004 (from a frozen copy of this list) and again by ``seed_demo`` (adding only what is missing),
so a term added here reaches existing databases with the next demo seed, or with ``seed_curated_vocabulary`` in a data
migration.
"""

# (ISCO-08 unit group, Dutch, French, English)
OCCUPATIONS = [
    # logistics and transport
    ("9333", "magazijnmedewerker", "magasinier manutentionnaire", "warehouse worker"),
    ("9333", "orderpicker", "préparateur de commandes", "order picker"),
    ("4321", "magazijnier (voorraadbeheer)", "gestionnaire de stock", "stock clerk"),
    ("8344", "heftruckchauffeur", "cariste", "forklift operator"),
    ("8332", "vrachtwagenchauffeur", "chauffeur poids lourd", "truck driver"),
    ("8322", "bestelwagenchauffeur", "chauffeur-livreur", "delivery van driver"),
    ("9621", "koerier", "coursier", "courier"),
    ("9321", "inpakker", "emballeur", "hand packer"),
    ("8331", "buschauffeur", "chauffeur de bus", "bus driver"),
    # cleaning
    ("9112", "schoonmaker kantoren", "nettoyeur de bureaux", "office cleaner"),
    ("9112", "schoonmaker industrie", "nettoyeur industriel", "industrial cleaner"),
    ("9112", "kamermeisje/-knecht", "femme/valet de chambre", "room attendant"),
    ("9111", "huishoudhulp", "aide ménagère", "domestic cleaner"),
    ("9123", "glazenwasser", "laveur de vitres", "window cleaner"),
    ("9122", "carwashmedewerker", "laveur de voitures", "car wash attendant"),
    # production and industry
    ("9329", "productiemedewerker", "ouvrier de production", "production worker"),
    ("8160", "machineoperator voeding", "conducteur de machines alimentaires", "food production machine operator"),
    ("8219", "assemblagemedewerker", "monteur-assembleur", "assembly worker"),
    ("7212", "lasser", "soudeur", "welder"),
    ("7223", "CNC-operator", "opérateur CNC", "CNC machine operator"),
    ("8153", "naaier", "opérateur sur machine à coudre", "sewing machinist"),
    ("7512", "bakker", "boulanger", "baker"),
    ("7511", "slager", "boucher", "butcher"),
    ("7231", "automecanicien", "mécanicien automobile", "car mechanic"),
    # construction
    ("9313", "hulparbeider bouw", "manœuvre du bâtiment", "construction labourer"),
    ("9312", "wegenwerker", "ouvrier de voirie", "road construction labourer"),
    ("7112", "metser", "maçon", "bricklayer"),
    ("7115", "schrijnwerker", "menuisier", "carpenter"),
    ("7121", "dakwerker", "couvreur", "roofer"),
    ("7122", "tegelzetter", "carreleur", "tiler"),
    ("7126", "loodgieter", "plombier", "plumber"),
    ("7131", "schilder", "peintre en bâtiment", "painter"),
    ("7411", "elektricien", "électricien du bâtiment", "building electrician"),
    # hospitality
    ("9412", "afwasser", "plongeur", "dishwasher"),
    ("9412", "keukenhulp", "aide de cuisine", "kitchen assistant"),
    ("5120", "kok", "cuisinier", "cook"),
    ("5131", "kelner", "serveur", "waiter"),
    ("5132", "barmedewerker", "barman", "bartender"),
    ("9411", "fastfoodmedewerker", "équipier de restauration rapide", "fast food worker"),
    # care
    ("5321", "zorgkundige", "aide-soignant", "nursing assistant"),
    ("5322", "thuishulp", "aide familial", "home care worker"),
    ("5311", "kinderbegeleider", "puériculteur", "child care worker"),
    # retail and services
    ("5223", "winkelbediende", "vendeur", "shop assistant"),
    ("5230", "kassamedewerker", "caissier", "cashier"),
    ("9334", "rekkenvuller", "réassortisseur", "shelf filler"),
    ("5414", "bewakingsagent", "agent de gardiennage", "security guard"),
    ("5153", "conciërge", "concierge", "building caretaker"),
    # agriculture and green spaces
    ("9211", "oogstarbeider", "ouvrier de récolte", "harvest worker"),
    ("9214", "serremedewerker", "ouvrier horticole en serre", "greenhouse worker"),
    ("9214", "tuinarbeider", "ouvrier paysagiste", "garden labourer"),
    ("6113", "hovenier", "jardinier-paysagiste", "landscape gardener"),
    ("9212", "medewerker veeteelt", "ouvrier d'élevage", "livestock farm worker"),
]

# (kind, Dutch, French, English)
COMPETENCES = [
    # logistics
    ("skill", "heftruck besturen", "conduire un chariot élévateur", "operate a forklift"),
    ("skill", "een palletwagen gebruiken", "utiliser un transpalette", "operate a pallet truck"),
    ("skill", "orders verzamelen", "préparer des commandes", "pick orders"),
    ("skill", "goederen laden en lossen", "charger et décharger des marchandises", "load and unload goods"),
    ("skill", "een handscanner gebruiken", "utiliser un scanner portable", "use a handheld scanner"),
    ("skill", "voorraad tellen", "compter le stock", "count stock"),
    ("skill", "goederen inpakken", "emballer des marchandises", "pack goods"),
    ("skill", "een bestelwagen besturen", "conduire une camionnette", "drive a van"),
    ("skill", "een vrachtwagen besturen", "conduire un poids lourd", "drive a truck"),
    ("skill", "een route plannen", "planifier un itinéraire", "plan a route"),
    # cleaning
    ("skill", "kantoren schoonmaken", "nettoyer des bureaux", "clean offices"),
    ("skill", "sanitair reinigen", "nettoyer les sanitaires", "clean sanitary facilities"),
    ("skill", "schoonmaakmachines bedienen", "utiliser des machines de nettoyage", "operate cleaning machines"),
    ("skill", "bedden opmaken", "faire les lits", "make beds"),
    ("skill", "ramen wassen", "laver les vitres", "clean windows"),
    # hospitality
    ("skill", "afwassen", "faire la vaisselle", "wash dishes"),
    ("skill", "groenten voorbereiden", "préparer les légumes", "prepare vegetables"),
    ("skill", "maaltijden bereiden", "préparer des repas", "prepare meals"),
    ("skill", "klanten bedienen", "servir les clients", "serve customers"),
    ("skill", "een kassa bedienen", "tenir une caisse", "operate a cash register"),
    ("skill", "rekken aanvullen", "réassortir les rayons", "stock shelves"),
    # production
    ("skill", "een productielijn bedienen", "conduire une ligne de production", "operate a production line"),
    ("skill", "de kwaliteit van producten controleren", "contrôler la qualité des produits", "check product quality"),
    ("skill", "machines instellen", "régler des machines", "set up machines"),
    ("skill", "MIG/MAG-lassen", "souder au MIG/MAG", "MIG/MAG welding"),
    ("skill", "technische tekeningen lezen", "lire des plans techniques", "read technical drawings"),
    ("skill", "meetinstrumenten gebruiken", "utiliser des instruments de mesure", "use measuring instruments"),
    ("skill", "onderdelen monteren", "assembler des pièces", "assemble parts"),
    ("skill", "een naaimachine bedienen", "utiliser une machine à coudre", "operate a sewing machine"),
    # construction
    ("skill", "metselen", "maçonner", "lay bricks"),
    ("skill", "muren en plafonds schilderen", "peindre des murs et plafonds", "paint walls and ceilings"),
    ("skill", "tegels zetten", "poser du carrelage", "lay tiles"),
    ("skill", "handgereedschap gebruiken", "utiliser des outils à main", "use hand tools"),
    ("skill", "elektrisch gereedschap gebruiken", "utiliser des outils électriques", "use power tools"),
    ("skill", "op hoogte werken", "travailler en hauteur", "work at height"),
    ("skill", "steigers opbouwen", "monter des échafaudages", "erect scaffolding"),
    # agriculture and green spaces
    ("skill", "gewassen oogsten", "récolter des cultures", "harvest crops"),
    ("skill", "planten verzorgen", "entretenir des plantes", "tend plants"),
    ("skill", "dieren verzorgen", "soigner les animaux", "care for animals"),
    ("skill", "tuinen onderhouden", "entretenir des jardins", "maintain gardens"),
    # care
    ("skill", "helpen bij persoonlijke verzorging", "aider aux soins personnels", "assist with personal care"),
    ("skill", "cliënten helpen bij het eten", "aider les résidents à manger", "help residents to eat"),
    ("skill", "kinderen begeleiden", "encadrer des enfants", "look after children"),
    # transversal
    ("skill", "in team werken", "travailler en équipe", "work in a team"),
    ("skill", "instructies opvolgen", "suivre des instructions", "follow instructions"),
    ("skill", "zelfstandig werken", "travailler de manière autonome", "work independently"),
    ("skill", "stipt zijn", "être ponctuel", "be punctual"),
    ("skill", "nauwkeurig werken", "travailler avec précision", "work accurately"),
    ("skill", "in ploegen werken", "travailler en équipes successives", "work in shifts"),
    ("skill", "fysiek zwaar werk aankunnen", "supporter un travail physique", "cope with physically demanding work"),
    ("skill", "vriendelijk met klanten omgaan", "accueillir les clients aimablement", "deal with customers politely"),
    ("skill", "problemen op tijd melden", "signaler les problèmes à temps", "report problems in time"),
    ("skill", "een computer gebruiken (basis)", "utiliser un ordinateur (bases)", "use a computer (basics)"),
    # knowledge
    ("knowledge", "veiligheidsregels op het werk", "règles de sécurité au travail", "workplace safety rules"),
    ("knowledge", "basisveiligheid VCA", "sécurité de base VCA", "VCA basic safety"),
    ("knowledge", "voedselhygiëne (HACCP)", "hygiène alimentaire (HACCP)", "food hygiene (HACCP)"),
    ("knowledge", "veilig tillen", "manutention en sécurité", "safe lifting"),
    (
        "knowledge",
        "schoonmaakproducten en -methodes",
        "produits et méthodes de nettoyage",
        "cleaning products and methods",
    ),
    ("knowledge", "werking van een magazijn", "fonctionnement d'un entrepôt", "warehouse operations"),
    ("knowledge", "verkeersregels", "code de la route", "traffic rules"),
    ("knowledge", "gevaarlijke stoffen", "substances dangereuses", "hazardous substances"),
    ("knowledge", "eerste hulp", "premiers secours", "first aid"),
    ("knowledge", "bouwmaterialen", "matériaux de construction", "construction materials"),
    ("knowledge", "metaalsoorten", "types de métaux", "types of metal"),
    ("knowledge", "planten en gewassen", "plantes et cultures", "plants and crops"),
    ("knowledge", "hygiëne in de zorg", "hygiène dans les soins", "hygiene in care"),
]


def seed_curated_vocabulary(occupation_model, competence_model) -> None:
    """Create the curated terms that are missing (found by English label, ISCO code or kind, and no URI).
    Takes the models as arguments so a migration can pass its historical ones."""
    for isco_code, nl, fr, en in OCCUPATIONS:
        if not occupation_model.objects.filter(esco_uri="", isco_code=isco_code, labels__en=en).exists():
            occupation_model.objects.create(isco_code=isco_code, labels={"nl": nl, "fr": fr, "en": en})
    for kind, nl, fr, en in COMPETENCES:
        if not competence_model.objects.filter(esco_uri="", kind=kind, labels__en=en).exists():
            competence_model.objects.create(kind=kind, labels={"nl": nl, "fr": fr, "en": en})
