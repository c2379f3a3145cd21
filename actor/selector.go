package actor

import (
	"strings"
	"time"

	"github.com/dyad-project/dyad/dyad"
)

// Selector resolves an actor argument as the command line and the API take
// it — a code ("RUS", "RUSGOV", "NATO") or a name ("Russia", "Taliban",
// "the Kremlin") — into the selector that finds its events: a country for a
// state, a full code for a code with a sector or a metonym ("the Kremlin"
// is RUSGOV), an entity for a group or a person whatever their code on the
// day. It returns
// EINVALID for a name the dictionary does not know.
func (d *Dictionary) Selector(arg string, on time.Time) (dyad.ActorSelector, error) {
	arg = strings.TrimSpace(arg)
	if arg == "" {
		return dyad.ActorSelector{}, dyad.Errorf(dyad.EINVALID, "empty actor")
	}
	a, ok := d.Lookup(arg, on)
	if !ok {
		if isActorCode(arg) {
			if len(arg) > 3 {
				return dyad.ActorSelector{Code: dyad.ActorCode(arg)}, nil
			}
			return dyad.ActorSelector{Country: arg}, nil
		}
		return dyad.ActorSelector{}, dyad.Errorf(dyad.EINVALID, "unknown actor %q: give a code (RUS, RUSGOV) or a name the dictionary knows", arg)
	}
	switch {
	case isActorCode(arg) && string(a.Code) == arg && a.Role != "" && len(arg) > 3:
		return dyad.ActorSelector{Code: a.Code}, nil
	case a.Entity != "" && a.Entity != strings.ToLower(a.Country):
		return dyad.ActorSelector{Entity: a.Entity}, nil
	case a.Role != "":
		// A metonym names a sector of its state: "the Kremlin" is RUSGOV,
		// "the Pentagon" USAMIL, not the whole country.
		return dyad.ActorSelector{Code: a.Code}, nil
	}
	return dyad.ActorSelector{Country: a.Country}, nil
}

// isActorCode reports whether s looks like a CAMEO actor code: 2 to 9
// capital letters or digits.
func isActorCode(s string) bool {
	if len(s) < 2 || len(s) > 9 {
		return false
	}
	for _, r := range s {
		if (r < 'A' || r > 'Z') && (r < '0' || r > '9') {
			return false
		}
	}
	return true
}
