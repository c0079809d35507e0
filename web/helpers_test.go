package web

import "github.com/inquest-project/inquest"

func sourceWith(id int64, fileName, url, contentType string) *inquest.Source {
	return &inquest.Source{ID: id, FileName: fileName, URL: url, ContentType: contentType}
}
