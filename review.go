package inquest

// Review is where an extracted item stands with the analysts.
type Review string

// Review states. Only confirmed items are ever published.
const (
	Suggested Review = "suggested"
	Confirmed Review = "confirmed"
	Rejected  Review = "rejected"
)

// Valid reports whether r is a review state.
func (r Review) Valid() bool { return r == Suggested || r == Confirmed || r == Rejected }

// Origin says how an item entered the record.
type Origin string

// Origins.
const (
	Extracted Origin = "extracted"
	Entered   Origin = "entered"
)
