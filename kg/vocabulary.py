"""The terms of the Land Bridge ontology (lb:), generated from ontology/landbridge.ttl by
`python -m kg.vocabulary_gen`: do not edit by hand.

`LB.Militia` or `LB["Militia"]` gives the term's IRI as an rdflib URIRef; a name the ontology does not
declare raises AttributeError, so a typo cannot mint a new IRI. kg.namespaces gives the same terms as plain
strings, for code that works with pyoxigraph."""

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class LB(DefinedNamespace):
    """Militias, crossings, strikes, sanctions and routes of the land bridge, with the claims that state them."""

    _NS = Namespace("https://landbridge-kg.org/ontology#")
    _fail = True

    about: URIRef  # concept: about
    Actor: URIRef  # class: Actor
    adjacentTo: URIRef  # object property: adjacent to
    advantage: URIRef  # object property: advantage
    affiliatedWith: URIRef  # object property: affiliated with
    agent: URIRef  # object property: agent
    air: URIRef  # concept: air
    AirBridge: URIRef  # class: Air bridge
    airStrike: URIRef  # concept: air strike
    all: URIRef  # concept: all
    alleged: URIRef  # concept: alleged
    alternativeTo: URIRef  # object property: alternative to
    Announcement: URIRef  # class: Announcement
    ArmedGroup: URIRef  # class: Armed group
    arsenal: URIRef  # object property: arsenal
    asOf: URIRef  # datatype property: as of
    asOfNotBefore: URIRef  # datatype property: as of, not before
    asserted: URIRef  # concept: asserted
    assessed: URIRef  # concept: assessed
    atLeast: URIRef  # concept: at least
    atMost: URIRef  # concept: at most
    Attack: URIRef  # class: Attack
    attendedBy: URIRef  # object property: attended by
    attributedTo: URIRef  # object property: attributed to
    attribution: URIRef  # datatype property: attribution
    AttributionStatus: URIRef  # class: Attribution status
    attributionStatus: URIRef  # object property: attribution status
    AttributionStatusScheme: URIRef  # concept scheme: Attribution statuses
    author: URIRef  # datatype property: author
    avoidsTerrainOf: URIRef  # object property: avoids terrain of
    Barrier: URIRef  # class: Barrier
    beneficiary: URIRef  # object property: beneficiary
    between: URIRef  # concept: between
    blocked: URIRef  # concept: blocked
    Border: URIRef  # class: Border
    borderOf: URIRef  # object property: border of
    builtBy: URIRef  # object property: built by
    bypasses: URIRef  # object property: bypasses
    BypassRoad: URIRef  # class: Bypass road
    cameoCode: URIRef  # datatype: CAMEO code
    cannotBeUsedBy: URIRef  # object property: cannot be used by
    capacity: URIRef  # concept: capacity
    capacityGreaterThan: URIRef  # object property: carries more than
    capturedPlace: URIRef  # object property: captured place
    cargo: URIRef  # object property: cargo
    casualties: URIRef  # object property: casualties
    causedBy: URIRef  # object property: caused by
    Certainty: URIRef  # class: Certainty
    certainty: URIRef  # object property: certainty
    CertaintyScheme: URIRef  # concept scheme: Certainty levels
    Claim: URIRef  # class: Claim
    closed: URIRef  # concept: closed
    collaboratesWith: URIRef  # object property: collaborates with
    commands: URIRef  # object property: commands
    Commodity: URIRef  # class: Commodity
    CommodityScheme: URIRef  # concept scheme: Commodities
    completed: URIRef  # concept: completed
    componentOf: URIRef  # object property: component of
    concerns: URIRef  # object property: concerns
    condition: URIRef  # datatype property: condition
    conditional: URIRef  # concept: conditional
    connects: URIRef  # object property: connects
    constructed: URIRef  # object property: constructed
    Construction: URIRef  # class: Construction
    controls: URIRef  # object property: controls
    cost: URIRef  # object property: cost
    counters: URIRef  # object property: meant to curb
    Country: URIRef  # class: Country
    country: URIRef  # object property: country
    Crossing: URIRef  # class: Crossing
    CrossingOpening: URIRef  # class: Crossing opening
    date: URIRef  # datatype property: date
    dateNotAfter: URIRef  # datatype property: not after
    dateNotBefore: URIRef  # datatype property: not before
    dateText: URIRef  # datatype property: date as written
    delayed: URIRef  # concept: delayed
    denied: URIRef  # concept: denied
    deployedIn: URIRef  # object property: deployed in
    Deployment: URIRef  # class: Deployment
    destination: URIRef  # object property: destination
    directs: URIRef  # object property: directs
    disputes: URIRef  # object property: disputes
    distance: URIRef  # concept: distance
    droneStrike: URIRef  # concept: drone strike
    earliestDate: URIRef  # datatype property: earliest date
    enables: URIRef  # object property: enables
    Event: URIRef  # class: Event
    Evidence: URIRef  # class: Evidence
    evidence: URIRef  # object property: evidence
    exactly: URIRef  # concept: exactly
    excludedSpan: URIRef  # datatype property: excluded span
    expected: URIRef  # concept: expected (predicted)
    expelled: URIRef  # object property: expelled
    facility: URIRef  # datatype property: facility
    fee: URIRef  # object property: fee
    foreignTerroristOrganization: URIRef  # concept: Foreign Terrorist Organization designation
    fundedBy: URIRef  # object property: funded by
    GovernmentBody: URIRef  # class: Government body
    grounds: URIRef  # datatype property: grounds
    hasPresenceIn: URIRef  # object property: has presence in
    hasWaypoint: URIRef  # object property: has waypoint
    hedge: URIRef  # datatype property: hedge
    hit: URIRef  # object property: hit
    holdsAt: URIRef  # datatype property: holds at
    holdsFrom: URIRef  # datatype property: holds from
    holdsUntil: URIRef  # datatype property: holds until
    influences: URIRef  # object property: has influence over
    Installation: URIRef  # class: Installation
    intended: URIRef  # concept: intended (planned)
    interdiction: URIRef  # concept: interdiction
    issuedBy: URIRef  # object property: issued by
    land: URIRef  # concept: land
    LandBridge: URIRef  # class: Land bridge
    leads: URIRef  # object property: leads
    length: URIRef  # object property: length
    lessThan: URIRef  # concept: less than
    limitation: URIRef  # object property: limitation
    locatedIn: URIRef  # object property: located in
    location: URIRef  # object property: location
    maxValue: URIRef  # datatype property: maximum value
    MediaOutlet: URIRef  # class: Media outlet
    Meeting: URIRef  # class: Meeting
    memberOf: URIRef  # object property: member of
    mentionedIn: URIRef  # object property: mentioned in
    MilitaryBase: URIRef  # class: Military base
    MilitaryUnit: URIRef  # class: Military unit
    Militia: URIRef  # class: Militia
    minValue: URIRef  # datatype property: minimum value
    Modality: URIRef  # class: Modality
    modality: URIRef  # object property: modality
    modalityCue: URIRef  # datatype property: modality cue
    ModalityScheme: URIRef  # concept scheme: Modalities
    Mode: URIRef  # class: Transport mode
    mode: URIRef  # object property: mode
    ModeScheme: URIRef  # concept scheme: Transport modes
    monthDay: URIRef  # datatype property: month and day
    moreThan: URIRef  # concept: more than
    most: URIRef  # concept: most
    multiple: URIRef  # concept: an unspecified multiple of
    near: URIRef  # object property: near
    nearLocation: URIRef  # object property: near location
    numericValue: URIRef  # datatype property: numeric value
    OfficialCrossing: URIRef  # class: Official crossing
    onBorder: URIRef  # object property: on border
    oneValueAtATime: URIRef  # annotation property: one value at a time
    ongoing: URIRef  # concept: ongoing
    open: URIRef  # concept: open
    openedCrossing: URIRef  # object property: opened crossing
    operates: URIRef  # object property: operates
    operatesUnderControlOf: URIRef  # object property: operates under control of
    opposes: URIRef  # object property: opposes
    Organization: URIRef  # class: Organization
    origin: URIRef  # object property: origin
    outlet: URIRef  # datatype property: outlet
    part: URIRef  # concept: part
    participant: URIRef  # object property: participant
    partOf: URIRef  # object property: part of
    passesThrough: URIRef  # object property: passes through
    per: URIRef  # datatype property: per
    perpetrator: URIRef  # object property: perpetrator
    Person: URIRef  # class: Person
    PersonGroup: URIRef  # class: Group of people
    Place: URIRef  # class: Place
    planned: URIRef  # deprecated concept: planned
    populationSect: URIRef  # object property: population sect
    precededBy: URIRef  # object property: preceded by
    primarySource: URIRef  # object property: primary source
    programme: URIRef  # object property: programme
    publicationDate: URIRef  # datatype property: publication date
    publicationDateStatus: URIRef  # datatype property: publication date status
    purpose: URIRef  # object property: purpose
    Qualifier: URIRef  # class: Quantity qualifier
    qualifier: URIRef  # object property: qualifier
    QualifierScheme: URIRef  # concept scheme: Quantity qualifiers
    Quantity: URIRef  # class: Quantity
    quantity: URIRef  # object property: quantity
    recipient: URIRef  # object property: recipient
    recommended: URIRef  # concept: recommended (demanded)
    Region: URIRef  # class: Region
    reported: URIRef  # concept: reported
    ResearchOrganization: URIRef  # class: Research organization
    resolvesDateOf: URIRef  # object property: resolves date of
    respondsTo: URIRef  # object property: responds to
    revenue: URIRef  # object property: revenue
    risk: URIRef  # concept: risk
    Road: URIRef  # class: Road
    rocketFire: URIRef  # concept: rocket fire
    Route: URIRef  # class: Route
    RouteCharacteristic: URIRef  # class: Route characteristic
    RouteCharacteristicScheme: URIRef  # concept scheme: Route characteristics
    Sanction: URIRef  # class: Sanction
    SanctionProgramme: URIRef  # class: Sanction programme
    SanctionProgrammeScheme: URIRef  # concept scheme: Sanction programmes
    sanctionTarget: URIRef  # object property: sanction target
    sea: URIRef  # concept: sea
    SeaRoute: URIRef  # class: Sea route
    secrecy: URIRef  # concept: secrecy
    Sect: URIRef  # class: Religious affiliation
    sect: URIRef  # object property: sect
    SectScheme: URIRef  # concept scheme: Religious affiliations
    secures: URIRef  # object property: secures
    security: URIRef  # concept: security
    seedFile: URIRef  # datatype property: seed file
    Seizure: URIRef  # class: Seizure
    sequence: URIRef  # datatype property: sequence
    Settlement: URIRef  # class: Settlement
    sha256: URIRef  # datatype property: SHA-256
    Share: URIRef  # class: Share
    share: URIRef  # object property: share
    ShareScheme: URIRef  # concept scheme: Shares
    shia: URIRef  # concept: Shia
    size: URIRef  # object property: size
    SmugglingCorridor: URIRef  # class: Smuggling corridor
    SmugglingOperation: URIRef  # class: Smuggling operation
    SourceDocument: URIRef  # class: Source document
    sponsors: URIRef  # object property: sponsors
    stated: URIRef  # concept: stated
    StateForce: URIRef  # class: State force
    statementId: URIRef  # datatype property: statement id
    Status: URIRef  # class: Status
    status: URIRef  # object property: status
    StatusScheme: URIRef  # concept scheme: Statuses
    Strike: URIRef  # class: Strike
    StrikeType: URIRef  # class: Strike type
    strikeType: URIRef  # object property: strike type
    StrikeTypeScheme: URIRef  # concept scheme: Strike types
    subEventOf: URIRef  # object property: part of event
    sunni: URIRef  # concept: Sunni
    supersededBy: URIRef  # object property: superseded by
    supports: URIRef  # object property: supports
    target: URIRef  # object property: target
    TerritorialCapture: URIRef  # class: Capture of territory
    TerroristDesignation: URIRef  # class: Terrorist designation
    threatens: URIRef  # object property: threatens
    timeIndexed: URIRef  # annotation property: time-indexed
    timeText: URIRef  # datatype property: time as written
    title: URIRef  # datatype property: title
    topic: URIRef  # datatype property: topic
    tradeValue: URIRef  # object property: trade value
    Transfer: URIRef  # class: Transfer
    unattributed: URIRef  # concept: unattributed
    underConstruction: URIRef  # concept: under construction
    unit: URIRef  # datatype property: unit
    UnofficialCrossing: URIRef  # class: Unofficial crossing
    usedBy: URIRef  # object property: used by
    validFrom: URIRef  # datatype property: valid from
    validUntil: URIRef  # datatype property: valid until
    verbatim: URIRef  # datatype property: as written
    WaterBody: URIRef  # class: Water body
    Waypoint: URIRef  # class: Waypoint
    waypointPlace: URIRef  # object property: waypoint place
    yearBounded: URIRef  # datatype property: year bounded
    yearInferred: URIRef  # datatype property: year inferred
