package analysis

import "github.com/inquest-project/inquest"

// Degree is how far an actor moved between two stances on one claim, in the
// spirit of PolitiFact's Flip-O-Meter.
type Degree string

// Degrees.
const (
	NoFlip   Degree = "no flip"   // the same stance again
	HalfFlip Degree = "half flip" // to or from a qualified stance
	FullFlop Degree = "full flop" // from supporting to denying, or back
)

// DegreeOf returns the degree of the move from an earlier stance to a later one.
func DegreeOf(earlier, later inquest.StanceKind) Degree {
	switch {
	case earlier == later:
		return NoFlip
	case earlier.Opposes(later):
		return FullFlop
	default:
		return HalfFlip
	}
}
