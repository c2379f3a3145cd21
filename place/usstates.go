package place

// usStateNames maps a US postal code to the lookup key of the state's name.
var usStateNames map[string]string

// usStates maps the lookup keys of US state names, their AP abbreviations
// ("Calif.", "N.Y.") and postal codes to the postal code, which is also the
// GeoNames admin1 code of US cities. It lets "Moscow, Idaho", "Hawthorne,
// Calif." and "Paris, TX" pick the city in that state.
var usStates = func() map[string]string {
	usStateNames = map[string]string{}
	rows := [...][3]string{
		{"Alabama", "Ala.", "AL"}, {"Alaska", "Alaska", "AK"}, {"Arizona", "Ariz.", "AZ"}, {"Arkansas", "Ark.", "AR"},
		{"California", "Calif.", "CA"}, {"Colorado", "Colo.", "CO"}, {"Connecticut", "Conn.", "CT"}, {"Delaware", "Del.", "DE"},
		{"Florida", "Fla.", "FL"}, {"Georgia", "Ga.", "GA"}, {"Hawaii", "Hawaii", "HI"}, {"Idaho", "Idaho", "ID"},
		{"Illinois", "Ill.", "IL"}, {"Indiana", "Ind.", "IN"}, {"Iowa", "Iowa", "IA"}, {"Kansas", "Kan.", "KS"},
		{"Kentucky", "Ky.", "KY"}, {"Louisiana", "La.", "LA"}, {"Maine", "Maine", "ME"}, {"Maryland", "Md.", "MD"},
		{"Massachusetts", "Mass.", "MA"}, {"Michigan", "Mich.", "MI"}, {"Minnesota", "Minn.", "MN"}, {"Mississippi", "Miss.", "MS"},
		{"Missouri", "Mo.", "MO"}, {"Montana", "Mont.", "MT"}, {"Nebraska", "Neb.", "NE"}, {"Nevada", "Nev.", "NV"},
		{"New Hampshire", "N.H.", "NH"}, {"New Jersey", "N.J.", "NJ"}, {"New Mexico", "N.M.", "NM"}, {"New York", "N.Y.", "NY"},
		{"North Carolina", "N.C.", "NC"}, {"North Dakota", "N.D.", "ND"}, {"Ohio", "Ohio", "OH"}, {"Oklahoma", "Okla.", "OK"},
		{"Oregon", "Ore.", "OR"}, {"Pennsylvania", "Pa.", "PA"}, {"Rhode Island", "R.I.", "RI"}, {"South Carolina", "S.C.", "SC"},
		{"South Dakota", "S.D.", "SD"}, {"Tennessee", "Tenn.", "TN"}, {"Texas", "Tex.", "TX"}, {"Utah", "Utah", "UT"},
		{"Vermont", "Vt.", "VT"}, {"Virginia", "Va.", "VA"}, {"Washington", "Wash.", "WA"}, {"West Virginia", "W.Va.", "WV"},
		{"Wisconsin", "Wis.", "WI"}, {"Wyoming", "Wyo.", "WY"}, {"District of Columbia", "D.C.", "DC"},
	}
	m := make(map[string]string, 3*len(rows))
	for _, r := range rows {
		usStateNames[r[2]] = fold(r[0])
		for _, n := range r {
			m[fold(n)] = r[2]
		}
	}
	m["wisc"] = "WI"
	m["tenn"] = "TN"
	m["calif"] = "CA"
	return m
}()
