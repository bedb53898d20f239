package application

// httpParameterName spells a list query parameter as the HTTP API does. It
// fills ParameterError.Parameter only for as long as the HTTP adapter reads
// that field; once the adapter renders names with ParameterError.Name and
// its own spelling, this file and the field's filling go.
func httpParameterName(kind ParameterKind, field string) string {
	switch kind {
	case ParameterFilter:
		return "filter[" + field + "]"
	case ParameterSort:
		return "sort"
	case ParameterPageSize:
		return "page[size]"
	case ParameterPageAfter:
		return "page[after]"
	default:
		return ""
	}
}
