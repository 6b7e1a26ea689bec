/* Material for MkDocs 9.8 fetches "sitemap.xml" beside every <link rel="alternate"> of a
   page, to map the roots of language versions onto pages. Pomost's alternates are the
   page's twins themselves (absolute hreflang links for search engines, the Atom feeds), and
   its language links already lead to the twin page, so every one of those fetches fails —
   a 404, or another host when the site is served elsewhere — and fills the console with
   errors. This hides the alternates from that one lookup (Material asks for exactly this
   selector) and changes nothing else. Loaded before Material's bundle; see README,
   "Upgrading the theme". */
(function () {
  "use strict";
  var query = Document.prototype.querySelectorAll;
  Document.prototype.querySelectorAll = function (selector) {
    if (selector === "link[rel=alternate]") {
      return query.call(this, "link[rel=alternate][data-pomost-never]");
    }
    return query.apply(this, arguments);
  };
}());
