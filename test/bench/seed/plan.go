package main

import (
	"math"
	"math/rand/v2"
)

// Dataset shape at scale 1.
const (
	baseUsers         = 100_000
	baseConversations = 1_000_000
	accountCount      = 4
	heavyUsers        = 10
	heavyFanOut       = 20_000
	powerShare        = 0.01
	powerMinFanOut    = 200
	powerMaxFanOut    = 2_000
)

// User classes, as written to the token file.
const (
	classTypical = "typical"
	classPower   = "power"
	classHeavy   = "heavy"
)

// plan fixes how many users there are, in which account and class each one
// is, and how many conversations each one starts.
type plan struct {
	perAccount int
	users      int
	outDegree  []int
	class      []string
	rng        *rand.Rand
}

// newPlan sizes the dataset. Heavy users start heavyFanOut conversations
// each, power users between powerMinFanOut and powerMaxFanOut skewed towards
// the low end, and typical users share what is left of the conversation
// budget, so the total stays near baseConversations times scale.
func newPlan(scale float64, seed int64) *plan {
	perAccount := max(int(math.Round(baseUsers*scale/accountCount)), 50)
	p := &plan{perAccount: perAccount, users: perAccount * accountCount, rng: rand.New(rand.NewPCG(uint64(seed), 0x70617274))}
	p.outDegree = make([]int, p.users)
	p.class = make([]string, p.users)
	budget := int(baseConversations * scale)
	limit := perAccount - 1
	powers := max(int(float64(p.users)*powerShare), 1)
	for n := range p.users {
		switch {
		case n < heavyUsers:
			p.class[n] = classHeavy
			p.outDegree[n] = min(int(heavyFanOut*scale), limit)
		case n < heavyUsers+powers:
			p.class[n] = classPower
			u := p.rng.Float64()
			d := float64(powerMinFanOut) * math.Pow(float64(powerMaxFanOut)/powerMinFanOut, u*u)
			p.outDegree[n] = min(max(int(d*scale), 2), limit)
		default:
			p.class[n] = classTypical
			continue
		}
		budget -= p.outDegree[n]
	}
	typical := p.users - heavyUsers - powers
	mean := max(float64(budget)/float64(typical), 1)
	for n := range p.users {
		if p.class[n] == classTypical {
			// Uniform on [0, 2·mean] keeps the mean with a realistic spread.
			p.outDegree[n] = min(int(p.rng.Float64()*2*mean+0.5), limit)
		}
	}
	return p
}

// account returns the account index of user n.
func (p *plan) account(n int) int { return n % accountCount }

// local returns the index of user n inside its account.
func (p *plan) local(n int) int { return n / accountCount }
