const path = require( 'path' );
const defaultConfig = require( '@wordpress/scripts/config/jest-unit.config' );

const babelTransform = path.join(
	path.dirname( require.resolve( '@wordpress/scripts/package.json' ) ),
	'config',
	'babel-transform'
);

module.exports = {
	...defaultConfig,
	testPathIgnorePatterns: [
		'/node_modules/',
		'<rootDir>/plugin/',
		'<rootDir>/vendor/',
		'<rootDir>/test/e2e/',
		'<rootDir>/test/fixtures/',
		'<rootDir>/.batchkeys/',
	],
	modulePathIgnorePatterns: [
		'<rootDir>/plugin/',
		'<rootDir>/vendor/',
		'<rootDir>/.batchkeys/',
	],
	setupFilesAfterEnv: [
		...( defaultConfig.setupFilesAfterEnv || [] ),
		'@testing-library/jest-dom',
	],
	// Jest 30 on Node 20 cannot require() the ESM-only dependencies of @wordpress/components.
	transform: { '\\.[jt]sx?$': babelTransform, '\\.mjs$': babelTransform },
	transformIgnorePatterns: [
		'/node_modules/(?!(uuid|@wordpress/theme|marked|parsel-js)/)',
	],
};
