package main

import (
	"math/rand/v2"
)

// Names are drawn with a skew towards the front of each list, so that
// search terms range from very common ("an", "müller") to rare ("özil").
var (
	firstNames = []string{
		"Anna", "Jan", "Lena", "Lukas", "Marie", "Jonas", "Sophie", "Felix", "Laura", "Paul",
		"Hannah", "Leon", "Julia", "Finn", "Emma", "Noah", "Mia", "Elias", "Clara", "Ben",
		"Jürgen", "Björn", "Zoë", "Jörg", "Ömer", "Élodie", "Søren", "Łukasz", "Renée", "Ingrid",
		"Kai", "Ida", "Till", "Nele", "Ole", "Pia", "Timo", "Frieda", "Arne", "Greta",
	}
	lastNames = []string{
		"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
		"Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann",
		"Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Schmitz", "Krause", "Meier",
		"Lehmann", "Köhler", "Jäger", "Weiß", "Günther", "Groß", "Böhm", "Kühn", "Schulte", "Frank",
		"Nuñez", "Åberg", "Dvořák", "O'Brien", "Van der Berg", "Łęcki", "Straße", "Yılmaz", "Øster", "Quast",
	}
)

// rareLastName is given to about one user in ten thousand: a search for it
// finds almost nobody.
const rareLastName = "Özil"

// userName returns the display name of user n.
func userName(rng *rand.Rand, n int) string {
	last := lastNames[skewed(rng, len(lastNames))]
	if n%9973 == 7 {
		last = rareLastName
	}
	return firstNames[skewed(rng, len(firstNames))] + " " + last
}

// skewed returns an index below n, the low ones more often.
func skewed(rng *rand.Rand, n int) int {
	u := rng.Float64()
	return int(u * u * float64(n))
}
