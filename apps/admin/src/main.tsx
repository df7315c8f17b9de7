// Async boundary: Module Federation initialises the shared singletons before the app's modules run.
void import('./bootstrap.js');
