import Foundation
import Testing
import TovTestSupport

/// End-to-end: `tov export` of the schedule to publish, read back by real parsers: html5lib (strict, so any
/// HTML5 parse error fails) and Python-Markdown. Today is pinned to 2026-11-23 in Ulaanbaatar.
@Suite(.serialized) struct ExportCommandTests: DatabaseSuite {
    let folder = try! TemporaryFolder()

    /// A title that tries to be markup.
    static let hostileTitle = "<script>alert(\"x\")</script> *x* & 'y'"

    /// What the Python checker found in an exported file.
    struct Reading: Decodable {
        let lang: String?
        let encoding: String?
        let title: String?
        let headings: [String]
        let text: String
        let scripts: Int
        /// The text of each emphasised (`em`, `strong`) element.
        let emphasised: [String]
        /// Attributes that fetch or run something: external `src`/`href`, event handlers, CSS `url(` and `@import`.
        let external: [String]
    }

    /// Parses `path` as HTML5 (`html`) or renders it as Markdown and parses the result (`md`), through python3.
    /// Fails, never skips, when python3, html5lib or Markdown is missing: CI installs them (`.ci/run`).
    func read(_ path: String, as kind: String) throws -> Reading {
        let result: Subprocess.Result
        do {
            result = try Subprocess.run(["python3", "-c", Self.checker, kind, path])
        } catch {
            Issue.record("The export tests need python3 with html5lib and Markdown: \(error)")
            throw error
        }
        try #require(result.status != 3, """
            The export tests need python3 with html5lib and Markdown: apt-get install python3-html5lib python3-markdown \
            (or python3 -m pip install html5lib markdown). \(result.stderr)
            """)
        try #require(result.status == 0, "\(kind) did not parse: \(result.stderr)")
        return try JSONDecoder().decode(Reading.self, from: Data(result.stdout.utf8))
    }

    func export(_ arguments: String...) throws -> Subprocess.Result {
        try TovBinary.run(["--db", db, "export"] + arguments)
    }

    // MARK: - HTML

    @Test func htmlExportOfTheDemoIsValidSelfContainedHTML5InMongolian() throws {
        #expect(try tov("demo").status == 0)
        let file = folder.path("хуваарь.html")
        let result = try export("--format", "html", "--output", file)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "Written to \(file)\n")

        let page = try read(file, as: "html")
        #expect(page.lang == "mn")
        #expect(page.encoding == "utf-8")
        #expect(page.title == "ТББ-ын диалоги ба НЭХ өдөрлөгийн хуваарь")
        #expect(page.scripts == 0)
        #expect(page.external.isEmpty, "\(page.external)")
        // This month to the end of the third month after it, a grid each, then the list.
        #expect(page.headings == [
            "ТББ-ын диалоги ба НЭХ өдөрлөгийн хуваарь", "2026 оны 11-р сар", "2026 оны 12-р сар", "2027 оны 1-р сар",
            "2027 оны 2-р сар", "Арга хэмжээнүүд",
        ])
        #expect(page.text.contains("2026 оны 11-р сарын 19, Пүрэв"))
        #expect(page.text.contains("2027 оны 1-р сарын 21, Пүрэв"))
        #expect(page.text.contains("Баянзүрх дүүргийн Нийгмийн эгэх хариуцлагын өдөрлөг"))
        #expect(page.text.contains("Өвөрхангай аймгийн Нийгмийн эгэх хариуцлагын өдөрлөг"))
        #expect(page.text.contains("Хөтөлбөр"))
        #expect(page.text.contains("— гол илтгэгч"))
        #expect(page.text.contains("— тэргүүлэгч хэлэлцүүлэгч"))
    }

    @Test func khovdSADayIsGivenAtItsLocalTimeWithItsZoneInEitherLanguage() throws {
        #expect(try tov("demo").status == 0)
        let file = folder.path("july.html")
        #expect(try export("--format", "html", "--from", "2026-07-01", "--to", "2026-07-31", "--lang", "en", "--output", file).status == 0)
        let page = try read(file, as: "html")
        #expect(page.lang == "en")
        #expect(page.headings.contains("July 2026"))
        #expect(page.text.contains("Ховд аймгийн Нийгмийн эгэх хариуцлагын өдөрлөг"))
        #expect(page.text.contains("10:00–17:00 (local time, UTC+7; 11:00–18:00 in Ulaanbaatar)"))

        let text = try export("--format", "text", "--from", "2026-07-01", "--to", "2026-07-31")
        #expect(text.status == 0)
        #expect(text.stdout.contains("2026 оны 7-р сарын 9, Пүрэв, 10:00–17:00 (орон нутгийн цагаар, UTC+7; Улаанбаатарын цагаар 11:00–18:00)\nХовд аймгийн Нийгмийн эгэх хариуцлагын өдөрлөг (НЭХ өдөрлөг, болсон)\nХаана: Ховд"))
    }

    @Test func hostileTitleIsOnlyTextInTheHTMLPageAndTheRenderedMarkdown() throws {
        let added = try tov("event", "add", "--title", Self.hostileTitle, "--date", "2026-11-27", "--start", "10:00",
                            "--venue", "<img src=\"https://example.org/x.png\">")
        #expect(added.status == 0, "\(added.stderr)")

        let html = folder.path("x.html")
        #expect(try export("--format", "html", "--output", html).status == 0)
        let page = try read(html, as: "html")
        #expect(page.scripts == 0)
        #expect(page.external.isEmpty, "\(page.external)")
        #expect(page.text.contains(Self.hostileTitle))
        #expect(page.text.contains("<img src=\"https://example.org/x.png\">"))

        let md = folder.path("x.md")
        #expect(try export("--format", "md", "--output", md).status == 0)
        let rendered = try read(md, as: "md")
        #expect(rendered.scripts == 0)
        // `*x*` in the title stays as written: nothing of the title is emphasised.
        #expect(!rendered.emphasised.contains("x"), "\(rendered.emphasised)")
        #expect(rendered.external.isEmpty, "\(rendered.external)")
        #expect(rendered.text.contains(Self.hostileTitle))
        #expect(rendered.headings.contains(Self.hostileTitle))
    }

    // MARK: - Text and usage

    @Test func textAnnouncementGoesToStandardOutput() throws {
        #expect(try tov("demo").status == 0)
        let result = try export("--format", "text", "--from", "2026-12-01", "--to", "2026-12-31")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("""
            ТББ-ын диалоги ба НЭХ өдөрлөгийн хуваарь
            2026 оны 12-р сарын 1 – 2026 оны 12-р сарын 31

            2026 оны 12-р сарын 10, Пүрэв, 10:00–17:00
            Баянзүрх дүүргийн Нийгмийн эгэх хариуцлагын өдөрлөг (НЭХ өдөрлөг, батлагдсан)
            Хаана: Баянзүрх, 
            """), "\(result.stdout)")
        let markdown = try export("--format", "md", "--from", "2026-12-01", "--to", "2026-12-31", "--lang", "en")
        #expect(markdown.stdout.hasPrefix("# Schedule of NGO Dialogue meetings and SA Days\n\n1 December 2026 – 31 December 2026\n\n## December 2026\n"))
    }

    @Test func badInputIsRefusedInOneLine() throws {
        let missing = try export("--format", "html")
        #expect(missing.status == 2)
        #expect(try tov("demo").status == 0)
        let format = try export("--format", "pdf")
        #expect(format.status == 2)
        #expect(format.stderr.contains("pdf"))
        let backwards = try export("--format", "text", "--from", "2026-12-01", "--to", "2026-11-01")
        #expect(backwards.status == 2)
        #expect(backwards.stderr == "tov: the end date 2026-11-01 is before the start date 2026-12-01\n")
        let unwritable = try export("--format", "html", "--output", folder.path("no/such/folder/x.html"))
        #expect(unwritable.status == 2)
        #expect(unwritable.stderr.hasPrefix("tov: cannot write '"))
    }

    /// Reads an exported file and prints what a reviewer checks, as JSON. Exit 3: a module is missing.
    static let checker = #"""
        import json, re, sys
        try:
            import html5lib
            import markdown
        except ImportError as error:
            print(f"cannot import {error.name}: {error}", file=sys.stderr)
            sys.exit(3)

        kind, path = sys.argv[1], sys.argv[2]
        with open(path, "rb") as file:
            data = file.read()
        if kind == "html":
            parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
            try:
                root = parser.parse(data)
            except html5lib.html5parser.ParseError as error:
                print(f"not valid HTML5: {error} at {parser.errors[-1][0] if parser.errors else '?'}", file=sys.stderr)
                sys.exit(1)
            encoding = parser.documentEncoding
        else:
            rendered = markdown.markdown(data.decode("utf-8"), extensions=["tables"])
            root = html5lib.parseFragment(rendered, namespaceHTMLElements=False)
            encoding = None

        external = []
        for element in root.iter():
            if not isinstance(element.tag, str):
                continue
            for name, value in element.attrib.items():
                if name in ("src", "href", "srcset", "action", "formaction", "poster", "data", "background") and not value.startswith("#"):
                    external.append(f"{element.tag} {name}={value}")
                if name.startswith("on"):
                    external.append(f"{element.tag} {name}")
                if name == "style" and re.search(r"url\(|@import", value):
                    external.append(f"{element.tag} style")
            if element.tag in ("link", "img", "iframe", "object", "embed", "base"):
                external.append(element.tag)
            if element.tag == "style" and re.search(r"url\(|@import", element.text or ""):
                external.append("style sheet")

        def text(element):
            return "".join(element.itertext())

        title = root.find(".//title")
        print(json.dumps({
            "lang": root.get("lang"),
            "encoding": encoding,
            "title": text(title) if title is not None else None,
            "headings": [text(h) for h in root.iter() if h.tag in ("h1", "h2", "h3") and (kind == "md" or h.tag != "h3")],
            "text": "".join(text(e) for e in root.iter() if e.tag == "body") if kind == "html" else text(root),
            "scripts": sum(1 for e in root.iter() if e.tag == "script"),
            "emphasised": [text(e) for e in root.iter() if e.tag in ("em", "strong")],
            "external": external,
        }, ensure_ascii=False))
        """#
}
