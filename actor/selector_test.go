package actor

import (
	"testing"
	"time"

	"github.com/dyad-project/dyad/dyad"
)

func TestDictionary_Selector(t *testing.T) {
	on := time.Date(2026, 5, 29, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		arg     string
		want    dyad.ActorSelector
		wantErr bool
	}{
		{"Russia", dyad.ActorSelector{Country: "RUS"}, false},
		{"RUS", dyad.ActorSelector{Country: "RUS"}, false},
		{"the Kremlin", dyad.ActorSelector{Code: "RUSGOV"}, false},
		{"Washington", dyad.ActorSelector{Code: "USAGOV"}, false},
		{"RUSGOV", dyad.ActorSelector{Code: "RUSGOV"}, false},
		{"Taliban", dyad.ActorSelector{Entity: "taliban"}, false},
		{"XYZ", dyad.ActorSelector{Country: "XYZ"}, false},
		{"XYZMIL", dyad.ActorSelector{Code: "XYZMIL"}, false},
		{"Narnia", dyad.ActorSelector{}, true},
		{"  ", dyad.ActorSelector{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.arg, func(t *testing.T) {
			got, err := Builtin().Selector(tt.arg, on)
			if (err != nil) != tt.wantErr || got != tt.want {
				t.Errorf("Selector(%q) = %+v, %v; want %+v (error %v)", tt.arg, got, err, tt.want, tt.wantErr)
			}
			if err != nil && dyad.ErrorCode(err) != dyad.EINVALID {
				t.Errorf("error code = %s, want EINVALID", dyad.ErrorCode(err))
			}
		})
	}
}
