package web

import (
	"bytes"
	"encoding/json"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/inquest-project/inquest"
)

// openAPIDocument builds the description from the API table.
func openAPIDocument() ([]byte, error) {
	g := &schemaGen{components: map[string]any{}}
	g.components["Error"] = map[string]any{
		"type":     "object",
		"required": []string{"error"},
		"properties": map[string]any{"error": map[string]any{
			"type": "object", "required": []string{"code", "message"},
			"properties": map[string]any{
				"code": map[string]any{"type": "string", "enum": []string{inquest.ECONFLICT, inquest.EINTERNAL, inquest.EINVALID,
					inquest.ENOTFOUND, inquest.EUNAUTHORIZED, inquest.EFORBIDDEN}},
				"message":    map[string]any{"type": "string", "description": "what went wrong and what to do, safe to show"},
				"request_id": map[string]any{"type": "string", "description": "quote it when reporting an internal error"},
			},
		}},
	}
	paths := map[string]map[string]any{}
	for _, op := range (*Server)(nil).apiOps() {
		item := paths[op.Path]
		if item == nil {
			item = map[string]any{}
			paths[op.Path] = item
		}
		o := map[string]any{
			"summary":     op.Summary,
			"operationId": operationID(op),
			"responses":   g.responses(op),
		}
		var params []any
		for _, name := range pathParams.FindAllStringSubmatch(op.Path, -1) {
			typ := "string"
			if name[1] == "id" {
				typ = "integer"
			}
			params = append(params, map[string]any{"name": name[1], "in": "path", "required": true, "schema": map[string]any{"type": typ}})
		}
		for _, q := range op.Query {
			params = append(params, map[string]any{"name": q.Name, "in": "query", "required": q.Required,
				"description": q.Description, "schema": map[string]any{"type": q.Type}})
		}
		if params != nil {
			o["parameters"] = params
		}
		if op.Body != nil {
			o["requestBody"] = map[string]any{"required": true, "content": map[string]any{
				"application/json": map[string]any{"schema": g.schema(reflect.TypeOf(op.Body))}}}
		}
		if op.Role == "" {
			o["security"] = []any{map[string]any{}, map[string]any{"bearer": []string{}}, map[string]any{"session": []string{}}}
		} else {
			o["description"] = "Needs a signed-in user whose role includes " + string(op.Role) + "."
		}
		item[strings.ToLower(op.Method)] = o
	}
	paths["/api/v1/openapi.json"] = map[string]any{"get": map[string]any{
		"summary": "This description.", "operationId": "openapi", "security": []any{map[string]any{}},
		"responses": map[string]any{"200": map[string]any{"description": "The OpenAPI 3 document.",
			"content": map[string]any{"application/json": map[string]any{"schema": map[string]any{"type": "object"}}}}},
	}}
	doc := map[string]any{
		"openapi": "3.0.3",
		"info": map[string]any{
			"title":   "Inquest API",
			"version": "1",
			"description": "The record of an investigation monitored with Inquest: cases, sources, statements, people, claims, " +
				"stances, contradictions, figures, questions, chapters, search and the audit log. Authenticate with " +
				"'Authorization: Bearer TOKEN' (make one with 'inquest token create USER'), or with the session cookie of a " +
				"signed-in browser, which must also send the page's form token as X-CSRF-Token on every change. " +
				"Errors are JSON: {\"error\": {\"code\", \"message\"}}.",
		},
		"servers": []any{map[string]any{"url": "/"}},
		"paths":   paths,
		"components": map[string]any{
			"schemas": g.components,
			"securitySchemes": map[string]any{
				"bearer":  map[string]any{"type": "http", "scheme": "bearer", "description": "a token from 'inquest token create USER'"},
				"session": map[string]any{"type": "apiKey", "in": "cookie", "name": sessionCookieName},
			},
		},
		"security": []any{map[string]any{"bearer": []string{}}, map[string]any{"session": []string{}}},
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

var pathParams = regexp.MustCompile(`\{([a-z_]+)\}`)

// operationID names an operation after its method and path:
// POST /api/v1/statements/{id}/review → postStatementsIdReview.
func operationID(op apiOp) string {
	var b strings.Builder
	b.WriteString(strings.ToLower(op.Method))
	for _, part := range strings.FieldsFunc(strings.TrimPrefix(op.Path, "/api/v1/"), func(r rune) bool {
		return r == '/' || r == '{' || r == '}' || r == '_' || r == '.'
	}) {
		b.WriteString(strings.ToUpper(part[:1]) + part[1:])
	}
	return b.String()
}

func (g *schemaGen) responses(op apiOp) map[string]any {
	ok := "200"
	res := map[string]any{
		ok: map[string]any{"description": "OK", "content": map[string]any{
			"application/json": map[string]any{"schema": g.schema(reflect.TypeOf(op.Response))}}},
		"default": map[string]any{"description": "An error.", "content": map[string]any{
			"application/json": map[string]any{"schema": map[string]any{"$ref": "#/components/schemas/Error"}}}},
	}
	return res
}

// schemaGen turns Go types into JSON Schema, named structs as components.
type schemaGen struct{ components map[string]any }

var timeType = reflect.TypeOf(time.Time{})

func (g *schemaGen) schema(t reflect.Type) map[string]any {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case t == timeType:
		return map[string]any{"type": "string", "format": "date-time"}
	case t == reflect.TypeOf(json.RawMessage(nil)):
		// Raw JSON (a job's arguments) is an object, not a byte string.
		return map[string]any{"type": "object", "description": "a JSON object whose fields depend on the kind"}
	case t == reflect.TypeOf(inquest.Date("")):
		return map[string]any{"type": "string", "description": "a day, YYYY-MM-DD (or YYYY-MM, YYYY when only that is known)"}
	}
	switch t.Kind() {
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return map[string]any{"type": "integer"}
	case reflect.Float32, reflect.Float64:
		return map[string]any{"type": "number"}
	case reflect.Slice, reflect.Array:
		if t.Elem().Kind() == reflect.Uint8 {
			return map[string]any{"type": "string", "format": "byte"}
		}
		return map[string]any{"type": "array", "items": g.schema(t.Elem())}
	case reflect.Map:
		return map[string]any{"type": "object", "additionalProperties": g.schema(t.Elem())}
	case reflect.Struct:
		name := schemaName(t)
		if _, ok := g.components[name]; !ok {
			g.components[name] = map[string]any{} // placeholder against recursion
			g.components[name] = g.object(t)
		}
		return map[string]any{"$ref": "#/components/schemas/" + name}
	}
	return map[string]any{}
}

// schemaName is the component name of a struct: its Go name, capitalised,
// without the package's request/response plumbing prefixes.
func schemaName(t reflect.Type) string {
	n := strings.TrimPrefix(t.Name(), "api")
	return strings.ToUpper(n[:1]) + n[1:]
}

func (g *schemaGen) object(t reflect.Type) map[string]any {
	props := map[string]any{}
	var required []string
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for i := range t.NumField() {
			f := t.Field(i)
			if f.Anonymous && f.Type.Kind() == reflect.Struct {
				walk(f.Type)
				continue
			}
			if !f.IsExported() {
				continue
			}
			tag := f.Tag.Get("json")
			if tag == "-" {
				continue
			}
			name, opts, _ := strings.Cut(tag, ",")
			if name == "" {
				name = f.Name
			}
			props[name] = g.schema(f.Type)
			if !strings.Contains(opts, "omitempty") && !strings.Contains(opts, "omitzero") {
				required = append(required, name)
			}
		}
	}
	walk(t)
	o := map[string]any{"type": "object", "properties": props}
	if required != nil {
		sort.Strings(required)
		o["required"] = required
	}
	return o
}
