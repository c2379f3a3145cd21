package dyad

// ActorCode is a CAMEO-style actor code: a country or organization code
// followed by an optional role, such as "RUS", "RUSGOV", "AFGMIL", "NATO".
type ActorCode string

// An Actor is who does or suffers an action, resolved for the event's date.
// Country is an ISO 3166 alpha-3 code or an international organization's
// code (UNO, NATO, EU); Role is a sector (GOV, MIL, REB, ...), possibly empty;
// Code joins them. Name is the dictionary's name of the entity ("Russia",
// "Taliban"); Text is the words of the document that named it.
type Actor struct {
	Code    ActorCode `json:"code"`
	Country string    `json:"country"`
	Role    string    `json:"role"`
	Name    string    `json:"name"`
	Text    string    `json:"text,omitempty"`
	// Entity is the dictionary entry the actor resolved through ("taliban",
	// "person:sergei-shoigu"), for grouping mentions of one entity whose code
	// changes over time; empty for plain countries.
	Entity string `json:"entity,omitempty"`
}

// IsZero reports whether a is the absent actor.
func (a Actor) IsZero() bool { return a.Code == "" && a.Country == "" }

// JoinCode returns the code of country and role joined, as CAMEO writes it.
func JoinCode(country, role string) ActorCode { return ActorCode(country + role) }

// An ActorMention is an actor named in a sentence: the resolved actor and the
// byte span of the naming words within the sentence's text.
type ActorMention struct {
	Actor
	Span Span // offsets into Sentence.Text
}

// A Place is where an event happened, resolved against a gazetteer.
type Place struct {
	Name    string  `json:"name"`
	Country string  `json:"country"`
	Lat     float64 `json:"lat"`
	Lon     float64 `json:"lon"`
	// Kind is "country", "region" or "city".
	Kind string `json:"kind,omitempty"`
}
