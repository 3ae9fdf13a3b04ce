const path = require( 'path' );
const defaultConfig = require( '@wordpress/scripts/config/webpack.config' );

// block.json files under src/ are discovered by wp-scripts; the admin screen is one more entry.
module.exports = {
	...defaultConfig,
	entry: async () => {
		const blockEntries =
			typeof defaultConfig.entry === 'function'
				? await defaultConfig.entry()
				: defaultConfig.entry;
		return { ...blockEntries, 'admin/index': './src/admin/index.tsx' };
	},
	output: {
		...defaultConfig.output,
		path: path.resolve( __dirname, 'plugin/kit/build' ),
	},
};
