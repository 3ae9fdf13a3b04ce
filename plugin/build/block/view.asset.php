<?php return array('dependencies' => array('wp-api-fetch', 'wp-i18n'), 'version' => '24405fe547f65a7ef3aa');
