package web

// SetPageSizesForTest sets how many items a page of a public list (and
// actors a page of the matrix) shows
// and about how many a page of the timeline does, and returns a function
// that restores them. Servers made afterwards use them.
func SetPageSizesForTest(list, timeline int) func() {
	oldList, oldTimeline, oldMatrix := pubPageSize, timelinePageItems, matrixPageRows
	pubPageSize, timelinePageItems, matrixPageRows = list, timeline, list
	return func() { pubPageSize, timelinePageItems, matrixPageRows = oldList, oldTimeline, oldMatrix }
}
