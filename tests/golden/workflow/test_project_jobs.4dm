// --jobs runs tests in parallel; the report keeps their order
