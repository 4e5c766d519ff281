import { Body1, Link, Title2 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { DEFAULT_PATH } from '../app/modules';
import { hrefFor } from '../app/use-hash-route';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <div>
      <Title2 as="h1" block>{t('notFound.title')}</Title2>
      <Body1 as="p" block>{t('notFound.body')}</Body1>
      <Link href={hrefFor(DEFAULT_PATH)}>{t('notFound.back')}</Link>
    </div>
  );
}
