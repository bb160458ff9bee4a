// Behaviour of the pages; kept out of the HTML because the Content-Security-Policy forbids inline scripts.
