package web

// SetPageSizesForTest sets how many items a page of a public list (and
// actors a page of the matrix, and statements a page of a person) shows
// and about how many a page of the timeline does, and returns a function
// that restores them. Servers made afterwards use them.
func SetPageSizesForTest(list, timeline int) func() {
	oldList, oldTimeline, oldMatrix, oldPerson := pubPageSize, timelinePageItems, matrixPageRows, personPageSize
	pubPageSize, timelinePageItems, matrixPageRows, personPageSize = list, timeline, list, list
	return func() {
		pubPageSize, timelinePageItems, matrixPageRows, personPageSize = oldList, oldTimeline, oldMatrix, oldPerson
	}
}
