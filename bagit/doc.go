// Package bagit writes and validates BagIt bags as RFC 8493 (BagIt 1.0)
// defines them: a directory with a bag declaration (bagit.txt), a payload
// under data/, payload manifests (manifest-ALG.txt) listing a checksum for
// every payload file, optional metadata (bag-info.txt) and tag manifests
// (tagmanifest-ALG.txt) that protect the tag files themselves.
//
// Inquest uses bags to hand evidence from one workspace to another: whoever
// receives a bag can check with any BagIt tool, not only Inquest, that no
// byte changed on the way.
//
// The package knows nothing of Inquest's domain: it imports only the
// standard library, and must not import the root package, the store or
// anything else of Inquest. The layout of an Inquest evidence bag lives in
// the evidence sub-package.
package bagit
